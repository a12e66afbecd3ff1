#!/usr/bin/env python3
"""Rebuilds src/test/resources/org/postfixtls/wizard/corpus-real from the projects' own repositories.

Needs local git mirrors of the source repositories (MIRRORS, one bare repository per project as
/work/.mirror/<owner>+<name>/repo), Debian's postfix package (/usr/share/postfix) and the real postconf.
Every value substituted into a template is listed below and in MANIFEST.md; nothing else is invented.
"""
import os, re, shlex, shutil, subprocess, sys, tempfile
from pathlib import Path

MIRRORS = Path(os.environ.get("MIRRORS", "/work/.mirror"))
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/org/postfixtls/wizard/corpus-real")
DEB = Path("/usr/share/postfix")
HOST, DOMAIN = "mx.example.org", "example.org"
manifest = []


def repo(name):
    return MIRRORS / (name.replace("/", "+")) / "repo"


def head(name):
    return subprocess.check_output(["git", "-C", str(repo(name)), "rev-parse", "HEAD"], text=True).strip()


def show(name, path):
    return subprocess.check_output(["git", "-C", str(repo(name)), "show", "HEAD:" + path], text=True)


def write(entry, files, source):
    d = OUT / entry
    d.mkdir(parents=True, exist_ok=True)
    for f, text in files.items():
        (d / f).write_bytes(text.encode("utf-8"))
    manifest.append((entry, source))


def postconf_e(text, settings):
    """Applies `postconf -e` the way an installer does, with the real postconf on a scratch directory."""
    with tempfile.TemporaryDirectory() as t:
        Path(t, "main.cf").write_text(text)
        Path(t, "master.cf").write_text("")
        for s in settings:
            subprocess.check_call(["postconf", "-c", t, "-e", s])
        return Path(t, "main.cf").read_text()


def debian_stock():
    """What Debian's postinst (postfix 3.7, 'Internet Site') writes for a fresh install with the snakeoil key present."""
    main = (DEB / "main.cf.debian").read_text() + (DEB / "main.cf.tls").read_text()
    main = postconf_e(main, [
        "smtpd_relay_restrictions=permit_mynetworks permit_sasl_authenticated defer_unauth_destination",
        "myhostname=" + HOST, "alias_maps=hash:/etc/aliases", "alias_database=hash:/etc/aliases",
        "myorigin=/etc/mailname", "mydestination=$myhostname, " + DOMAIN + ", localhost",
        "relayhost=", "mynetworks=127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128", "mailbox_size_limit=0",
        "recipient_delimiter=+", "inet_interfaces=all", "inet_protocols=all"])
    return main, (DEB / "master.cf.dist").read_text()


def build():
    # upstream Postfix
    r = "vdukhovni/postfix"
    write("postfix-upstream", {"main.cf": show(r, "postfix/conf/main.cf"), "master.cf": show(r, "postfix/conf/master.cf")},
          f"github.com/{r} @ {head(r)}: postfix/conf/main.cf, postfix/conf/master.cf (verbatim)")

    # Debian
    main, master = debian_stock()
    write("debian-stock", {"main.cf": main, "master.cf": master},
          "Debian postfix 3.7.11-0+deb12u1: /usr/share/postfix/main.cf.debian + main.cf.tls + the postconf -e calls of "
          "postfix.postinst for 'Internet Site' (myhostname=mx.example.org); master.cf = /usr/share/postfix/master.cf.dist")

    # mailcow: postfix.sh keeps main.cf up to '# Overrides #', then appends '# User Overrides' + myhostname + extra.cf
    r = "mailcow/mailcow-dockerized"
    m = show(r, "data/conf/postfix/main.cf")
    m = m[: m.index("# Overrides #") + len("# Overrides #")] + "\n" + "\n# User Overrides\n" + "myhostname = " + HOST + "\n"
    write("mailcow", {"main.cf": m, "master.cf": show(r, "data/conf/postfix/master.cf")},
          f"github.com/{r} @ {head(r)}: data/conf/postfix/main.cf, master.cf; main.cf as data/Dockerfiles/postfix/postfix.sh "
          "leaves it at start (cut after '# Overrides #', '# User Overrides' + myhostname + empty extra.cf appended)")

    # Mailu: Jinja templates
    import jinja2
    r = "Mailu/Mailu"
    env = dict(DOMAIN=DOMAIN, HOSTNAMES=HOST, MESSAGE_SIZE_LIMIT="50000000", SUBNET="192.168.203.0/24", SUBNET6=None,
               RELAYNETS=None, RELAYHOST="", RELAYUSER=None, RECIPIENT_DELIMITER="+", FRONT_ADDRESS="192.168.203.2",
               ANTISPAM_ADDRESS="192.168.203.5", DEFER_ON_TLS_ERROR=True, OUTBOUND_TLS_LEVEL=None,
               REJECT_UNLISTED_RECIPIENT=None)
    render = lambda p: jinja2.Template(show(r, p), keep_trailing_newline=True).render(**env)
    write("mailu", {"main.cf": render("core/postfix/conf/main.cf"), "master.cf": render("core/postfix/conf/master.cf")},
          f"github.com/{r} @ {head(r)}: core/postfix/conf/main.cf, master.cf (Jinja2) rendered with " +
          ", ".join(f"{k}={v!r}" for k, v in env.items()))

    # docker-mailserver
    r = "docker-mailserver/docker-mailserver"
    write("docker-mailserver", {"main.cf": show(r, "target/postfix/main.cf"), "master.cf": show(r, "target/postfix/master.cf")},
          f"github.com/{r} @ {head(r)}: target/postfix/main.cf, master.cf (verbatim, as shipped in the image)")

    # iRedMail: functions/postfix.sh copies samples/postfix/main.cf, appends samples/postfix/master.cf to the
    # distribution's master.cf and replaces the PH_ placeholders
    r = "iredmail/iRedMail"
    ph = dict(POSTFIX_DEFAULT_DB_TYPE="hash", QUEUE_DIRECTORY="/var/spool/postfix", COMMAND_DIRECTORY="/usr/sbin",
              DAEMON_DIRECTORY="/usr/lib/postfix/sbin", DATA_DIRECTORY="/var/lib/postfix", SENDMAIL_PATH="/usr/sbin/sendmail",
              NEWALIASES_PATH="/usr/bin/newaliases", MAILQ_PATH="/usr/bin/mailq", MAIL_OWNER="postfix", SETGID_GROUP="postdrop",
              HOSTNAME=HOST, MESSAGE_SIZE_LIMIT_BYTES="15728640", STORAGE_BASE_DIR="/var/vmail", SYS_USER_VMAIL_UID="2000",
              SYS_GROUP_VMAIL_GID="2000", SSL_DH512_PARAM_FILE="/etc/ssl/dh512_param.pem",
              SSL_DH1024_PARAM_FILE="/etc/ssl/dh2048_param.pem", SSL_CERT_FILE="/etc/ssl/certs/iRedMail.crt",
              SSL_KEY_FILE="/etc/ssl/private/iRedMail.key", SSL_CERT_DIR="/etc/ssl/certs",
              SSL_CA_FILE="/etc/ssl/certs/iRedMail.crt", POSTFIX_FILE_ALIASES="/etc/postfix/aliases",
              POSTFIX_FILE_HELO_ACCESS="/etc/postfix/helo_access.pcre", POSTFIX_FILE_HEADER_CHECKS="/etc/postfix/header_checks",
              POSTFIX_FILE_BODY_CHECKS="/etc/postfix/body_checks.pcre", POSTFIX_FILE_SENDER_ACCESS="/etc/postfix/sender_access.pcre",
              POSTFIX_FILE_SMTPD_COMMAND_FILTER="/etc/postfix/command_filter.pcre", IREDAPD_SERVER_ADDRESS="127.0.0.1",
              IREDAPD_LISTEN_PORT="7777", IREDAPD_SRS_FORWARD_PORT="7778", IREDAPD_SRS_REVERSE_PORT="7779",
              DOVECOT_SERVICE_QUOTA_STATUS_PORT="12340", SMTP_SERVER="127.0.0.1",
              AMAVISD_CONTENT_FILTER_ORIGINATING="smtp-amavis:[127.0.0.1]:10026", SYS_USER_VMAIL="vmail",
              SYS_GROUP_VMAIL="vmail", DOVECOT_DELIVER_BIN="/usr/lib/dovecot/deliver", SYS_USER_MLMMJ="mlmmj",
              SYS_GROUP_MLMMJ="mlmmj", CMD_MLMMJ_AMIME_RECEIVE="/usr/bin/mlmmj-amime-receive",
              MLMMJ_SPOOL_DIR="/var/vmail/mlmmj", LOCAL_ADDRESS="127.0.0.1", AMAVISD_MAX_SERVERS="4",
              AMAVISD_MYNETWORKS="127.0.0.0/8", POSTFIX_MAIL_REINJECT_PORT="10025", POSTFIX_MLMMJ_REINJECT_PORT="10028", AMAVISD_ORIGINATING_PORT="10026")

    def fill(text):
        text = re.sub(r"PH_([A-Z0-9_]+)", lambda mm: ph[mm.group(1)] if mm.group(1) in ph else mm.group(0), text)
        left = set(re.findall(r"PH_[A-Z0-9_]+", text))
        if left:
            raise SystemExit("iRedMail: unrendered " + ", ".join(sorted(left)))
        return text

    main = fill(show(r, "samples/postfix/main.cf"))
    master = (DEB / "master.cf.dist").read_text() + fill(show(r, "samples/postfix/master.cf"))
    write("iredmail", {"main.cf": main, "master.cf": master},
          f"github.com/{r} @ {head(r)}: samples/postfix/main.cf (PH_ placeholders replaced as functions/postfix.sh does), "
          "master.cf = Debian master.cf.dist + samples/postfix/master.cf appended (as functions/postfix.sh does)")

    # Modoboa installer templates (string.Template with '%')
    import string
    r = "modoboa/modoboa-installer"
    ctx = dict(db_driver="pgsql", tls_key_file="/etc/letsencrypt/live/" + HOST + "/privkey.pem",
               tls_cert_file="/etc/letsencrypt/live/" + HOST + "/fullchain.pem", dhe_group="4096", hostname=HOST,
               domain=DOMAIN, dovecot_enabled="", opendkim_enabled="", opendkim_port="12345", rspamd_enabled="#",
               rspamd_disabled="", amavis_enabled="", postwhite_enabled="", spamassassin_enabled="", clamav_enabled="",
               radicale_enabled="", uwsgi_enabled="", nginx_enabled="", dovecot_mailboxes_owner="vmail",
               modoboa_venv_path="/srv/modoboa/env", modoboa_instance_path="/srv/modoboa/instance",
               message_size_limit="11534336")

    class T(string.Template):
        delimiter = "%"

    def mrender(p):
        text = T(show(r, p)).safe_substitute(ctx)
        left = set(re.findall(r"%\{?[a-z_]+", text))
        if left:
            raise SystemExit("Modoboa: unrendered " + ", ".join(sorted(left)) + " in " + p)
        return "# This file was automatically installed on 2026-01-01T00:00:00\n" + text

    write("modoboa", {"main.cf": mrender("modoboa_installer/scripts/files/postfix/main.cf.tpl"),
                      "master.cf": mrender("modoboa_installer/scripts/files/postfix/master.cf.tpl")},
          f"github.com/{r} @ {head(r)}: modoboa_installer/scripts/files/postfix/main.cf.tpl, master.cf.tpl rendered "
          "(utils.ConfigFileTemplate, delimiter '%') with amavis/opendkim/dovecot enabled, rspamd disabled, " +
          ", ".join(f"{k}={v!r}" for k, v in ctx.items() if not k.endswith("abled")))

    # Mail-in-a-Box: every `tools/editconf.py /etc/postfix/...` call of setup/mail-postfix.sh, run with the project's
    # own tools/editconf.py on Debian's stock files
    r = "mail-in-a-box/mailinabox"
    main, master = debian_stock()
    with tempfile.TemporaryDirectory() as t:
        Path(t, "main.cf").write_text(main)
        Path(t, "master.cf").write_text(master)
        Path(t, "editconf.py").write_text(show(r, "tools/editconf.py"))
        script = show(r, "setup/mail-postfix.sh")
        calls, buf = [], None
        for line in script.splitlines():
            if buf is None and re.match(r"\s*tools/editconf.py /etc/postfix/(main|master)\.cf", line):
                buf = line
            elif buf is not None:
                buf += "\n" + line
            if buf is not None:
                try:
                    shlex.split(buf.replace("\\\n", " "))
                    complete = not buf.rstrip().endswith("\\")
                except ValueError:
                    complete = False
                if complete:
                    calls.append(buf)
                    buf = None
        env = dict(os.environ, PRIVATE_IP="203.0.113.25", PRIVATE_IPV6="2001:db8::25", PRIMARY_HOSTNAME=HOST,
                   STORAGE_ROOT="/home/user-data")
        for c in calls:
            c = c.replace("tools/editconf.py /etc/postfix/", "python3 " + t + "/editconf.py " + t + "/")
            subprocess.check_call(["bash", "-c", c], env=env)
        main, master = Path(t, "main.cf").read_text(), Path(t, "master.cf").read_text()
    write("mailinabox", {"main.cf": main, "master.cf": master},
          f"github.com/{r} @ {head(r)}: the {len(calls)} `tools/editconf.py /etc/postfix/...` calls of setup/mail-postfix.sh "
          "run with the project's tools/editconf.py on debian-stock (PRIMARY_HOSTNAME=mx.example.org, "
          "PRIVATE_IP=203.0.113.25, PRIVATE_IPV6=2001:db8::25, STORAGE_ROOT=/home/user-data)")

    # ISPConfig: installer_base.lib.php configure_postfix runs `postconf -e` for every non-comment line of
    # tpl/debian_postfix.conf.master + postfix_2-5/2-10/3-0/3-3; configure_amavis appends master_cf_amavis*.master
    r = "cyberkathosting/ispconfig3"
    holders = {"{config_dir}": "/etc/postfix", "{vmail_mailbox_base}": "/var/vmail", "{vmail_userid}": "5000",
               "{vmail_groupid}": "5000", "{rbl_list}": "", "{greylisting}": "", "{reject_slm}": "",
               "{reject_aslm}": "", "{myhostname}": HOST.replace(".", "\\."), "{reject_unknown_client_hostname}": "",
               "{reject_unknown_helo_hostname}": ",reject_unknown_helo_hostname"}
    lines = []
    for f in ["debian_postfix.conf.master", "postfix_2-5.conf.master", "postfix_2-10.conf.master",
              "postfix_3-0.conf.master", "postfix_3-3.conf.master"]:
        text = show(r, "install/tpl/" + f)
        for k, v in holders.items():
            text = text.replace(k, v)
        lines += [l for l in text.split("\n") if l and re.match(r"^[^#]", l)]
    # configure_amavis: Debian's master.cf has lmtp/unix, so the content filter is lmtp:[127.0.0.1]:10024
    lines += ["content_filter = lmtp:[127.0.0.1]:10024", "receive_override_options = no_address_mappings"]
    main, master = debian_stock()
    main = postconf_e(main, lines)
    for f in ["master_cf_amavis.master", "master_cf_amavis10025.master", "master_cf_amavis10027.master"]:
        master += show(r, "install/tpl/" + f)
    write("ispconfig", {"main.cf": main, "master.cf": master},
          f"github.com/{r} (GitHub mirror of ISPConfig 3) @ {head(r)}: install/tpl/debian_postfix.conf.master + "
          "postfix_2-5/2-10/3-0/3-3.conf.master applied with postconf -e on debian-stock (as install/lib/"
          "installer_base.lib.php configure_postfix does, hostname mx.example.org, no RBLs, no greylisting); "
          "master.cf = debian-stock + master_cf_amavis, master_cf_amavis10025, master_cf_amavis10027, and configure_amavis's "
          "content_filter = lmtp:[127.0.0.1]:10024 and receive_override_options")

    variants()


def variants():
    main, master = debian_stock()
    write("variant-crlf", {"main.cf": main.replace("\n", "\r\n"), "master.cf": master.replace("\n", "\r\n")},
          "variant of debian-stock: every line ends in CRLF (files edited on Windows)")

    dup = ("# earlier definitions left behind by a copy-and-paste from a how-to\n"
           "smtpd_tls_security_level = none\nsmtp_tls_security_level = none\n"
           "smtpd_tls_cert_file = /etc/ssl/certs/old.pem\nsmtpd_tls_key_file = /etc/ssl/private/old.key\n"
           "smtpd_tls_protocols = !SSLv2\n\n")
    write("variant-duplicates", {"main.cf": dup + main, "master.cf": master},
          "variant of debian-stock: earlier duplicate definitions of TLS parameters in front (postconf warns "
          "'overriding earlier entry')")

    ind = re.sub(r"(?m)^smtpd_tls_security_level\s*=.*$", "smtpd_tls_security_level = $inbound_tls", main)
    ind = re.sub(r"(?m)^smtp_tls_security_level\s*=.*$", "smtp_tls_security_level = $outbound_tls", ind)
    ind = re.sub(r"(?m)^smtpd_tls_cert_file\s*=.*$", "smtpd_tls_cert_file = ${tls_dir}/certs/ssl-cert-snakeoil.pem", ind)
    ind = re.sub(r"(?m)^smtpd_tls_key_file\s*=.*$", "smtpd_tls_key_file = ${tls_dir}/private/ssl-cert-snakeoil.key", ind)
    ind += "\n# site-wide TLS knobs, referenced above\ninbound_tls = may\noutbound_tls = may\ntls_dir = /etc/ssl\n"
    write("variant-var-indirection", {"main.cf": ind, "master.cf": master},
          "variant of debian-stock: TLS levels and certificate paths through $name indirection "
          "(smtpd_tls_security_level = $inbound_tls, ...)")

    bare = re.sub(r"(?m)^(smtpd?_tls_[a-z_]+|smtpd_use_tls)\s*=.*\n", "", main)
    o = master.replace(
        "smtp      inet  n       -       y       -       -       smtpd\n",
        "smtp      inet  n       -       y       -       -       smtpd\n"
        "  -o smtpd_tls_security_level=may\n"
        "  -o smtpd_tls_cert_file=/etc/letsencrypt/live/mx.example.org/fullchain.pem\n"
        "  -o smtpd_tls_key_file=/etc/letsencrypt/live/mx.example.org/privkey.pem\n", 1)
    o = o.replace(
        "smtp      unix  -       -       y       -       -       smtp\n",
        "smtp      unix  -       -       y       -       -       smtp\n  -o smtp_tls_security_level=may\n", 1)
    o = o.replace(
        "#submission inet n       -       y       -       -       smtpd\n",
        "submission inet n       -       y       -       -       smtpd\n"
        "  -o syslog_name=postfix/submission\n  -o smtpd_tls_security_level=encrypt\n"
        "  -o smtpd_tls_cert_file=/etc/letsencrypt/live/mx.example.org/fullchain.pem\n"
        "  -o smtpd_tls_key_file=/etc/letsencrypt/live/mx.example.org/privkey.pem\n"
        "  -o smtpd_sasl_auth_enable=yes\n  -o smtpd_client_restrictions=permit_sasl_authenticated,reject\n"
        "#submission-disabled-original inet n - y - - smtpd\n", 1)
    if o.count("-o smtpd_tls_cert_file") != 2 or "-o smtp_tls_security_level=may" not in o:
        raise SystemExit("variant-tls-only-o: Debian's master.cf layout changed")
    write("variant-tls-only-o", {"main.cf": bare, "master.cf": o},
          "variant of debian-stock: no TLS parameter in main.cf; TLS only through -o on smtp/inet (may + certificate), "
          "smtp/unix (may) and an enabled submission (encrypt + certificate)")

    chain = main + ("\n# MTA-STS through postfix-mta-sts-resolver, after the static exceptions\n"
                    "smtp_tls_policy_maps = hash:/etc/postfix/tls_policy, socketmap:inet:127.0.0.1:8461:postfix\n")
    chain = re.sub(r"(?m)^smtp_tls_security_level\s*=.*$", "smtp_tls_security_level = dane", chain)
    chain += "smtp_dns_support_level = dnssec\n"
    write("variant-policy-chain", {"main.cf": chain, "master.cf": master,
                                   "tls_policy": "partner-bank.com  secure match=hostname\nlegacy.example  may\n"},
          "variant of debian-stock: outbound dane and an existing policy chain (static table + MTA-STS socketmap "
          "service of postfix-mta-sts-resolver) with its tls_policy table")


if __name__ == "__main__":
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    build()
    with open(OUT / "MANIFEST.md", "w") as f:
        f.write("# Real configurations (corpus-real)\n\nBuilt by src/test/corpus-tools/build_corpus_real.py. "
                "One folder per entry: main.cf, master.cf and, where the entry has one, tls_policy.\n\n"
                "| entry | source (repository @ commit: path, and how it was rendered) |\n| --- | --- |\n")
        for e, s in manifest:
            f.write(f"| {e} | {s} |\n")
    with open(OUT / "entries.txt", "w") as f:
        f.write("".join(e + "\n" for e, _ in manifest))
