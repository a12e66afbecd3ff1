package org.postfixtls.wizard.domain.config.stack;

/**
 * Mail stacks whose own scripts write Postfix's main.cf/master.cf, so that an edit made to those files is undone
 * (issue 13, defect 11). Each claim below was checked against the project's own scripts and documentation.
 */
public enum MailStack {
    /** data/Dockerfiles/postfix/postfix.sh: {@code sed -i '/Overrides/q' main.cf}, then appends extra.cf. */
    MAILCOW("mailcow"),
    /** core/postfix/start.py renders main.cf/master.cf from templates at every start; docs/faq.rst overrides. */
    MAILU("Mailu"),
    /** docs/content/config/advanced/override-defaults/postfix.md: postfix-main.cf / postfix-master.cf. */
    DOCKER_MAILSERVER("docker-mailserver"),
    /** setup/start.sh sources setup/mail-postfix.sh, which sets its parameters again with tools/editconf.py. */
    MAIL_IN_A_BOX("Mail-in-a-Box"),
    /** functions/postfix.sh writes main.cf/master.cf at installation only. */
    IREDMAIL("iRedMail");

    private final String displayName;

    MailStack(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
