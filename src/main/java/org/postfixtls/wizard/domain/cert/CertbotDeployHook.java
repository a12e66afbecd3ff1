package org.postfixtls.wizard.domain.cert;

/**
 * The certbot deploy hook that reloads Postfix after a renewal (guide, step 1), so Postfix presents the new
 * certificate instead of the old one until the next restart.
 * <p>
 * The guide's {@code systemctl reload postfix} alone fails on hosts without systemd; {@code postfix reload} covers
 * those, and on a multi-instance host it reaches every instance through the multi_instance_wrapper (postmulti).
 */
public final class CertbotDeployHook {

    public static final String FILE_NAME = "postfix-reload.sh";
    public static final String INSTALL_PATH = "/etc/letsencrypt/renewal-hooks/deploy/" + FILE_NAME;
    /** certbot runs only executable hooks; nothing in the script is secret. */
    public static final int MODE = 0755;

    private CertbotDeployHook() {
    }

    public static String script() {
        return """
                #!/bin/sh
                # certbot deploy hook, written by Postfix TLS Wizard.
                # certbot runs it after each successful renewal (RENEWED_LINEAGE names the renewed certificate).
                # Postfix reads its certificate only at start or reload, so reload it now.
                set -u
                PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH

                log() { echo "postfix-reload: $*" >&2; }

                # systemd: postfix.service propagates the reload to every postfix@<instance> unit.
                if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ] \\
                    && systemctl is-active --quiet postfix; then
                  if systemctl reload postfix; then
                    log "reloaded postfix via systemctl${RENEWED_LINEAGE:+ for $RENEWED_LINEAGE}"
                    exit 0
                  fi
                  log "systemctl reload postfix failed; trying postfix reload"
                fi

                # No systemd (or the unit is not used): postfix reload also covers every instance of a
                # multi-instance host through postmulti.
                if ! command -v postfix >/dev/null 2>&1; then
                  log "the postfix command was not found; reload Postfix by hand"
                  exit 1
                fi
                if ! postfix status >/dev/null 2>&1; then
                  log "Postfix is not running; it will load the new certificate when it starts"
                  exit 0
                fi
                postfix reload
                """;
    }
}
