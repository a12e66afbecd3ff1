package org.postfixtls.wizard.domain.config.stack;

import java.util.Optional;

/**
 * Where a mail stack takes its Postfix overrides from and how it applies them at the start of its container
 * (each checked in the stack's sources and documentation; see docs/config-engine.md).
 *
 * @param mainName   the override file for main.cf settings
 * @param masterName the override file for master.cf changes, null when the stack leaves master.cf alone (mailcow)
 * @param restart    what the admin runs so that the stack applies the files
 */
public record StackLayout(MailStack stack, String mainName, String mainPath, String masterName, String masterPath,
        String restart) {

    /** The container path Mailu mounts its overrides folder at (host: overrides/postfix/). */
    public static final String MAILU_DIRECTORY = "/overrides";
    /** docker-mailserver's config folder inside the container (host: docker-data/dms/config/). */
    public static final String DMS_DIRECTORY = "/tmp/docker-mailserver";

    /**
     * The layout of a stack whose startup rewrites Postfix's files and that documents an override file; empty for
     * the others (Mail-in-a-Box has no override file, iRedMail rewrites nothing at start).
     *
     * @param configDirectory Postfix's configuration directory (mailcow's extra.cf lives there: /opt/postfix/conf)
     * @param directory       the folder that holds the override files, when the user named one; null for the
     *                        stack's default
     */
    public static Optional<StackLayout> of(MailStack stack, String configDirectory, String directory) {
        return Optional.ofNullable(switch (stack) {
            case MAILCOW -> new StackLayout(stack, "extra.cf", in(directory, configDirectory, "extra.cf"), null, null,
                    "docker compose restart postfix-mailcow, in the mailcow-dockerized folder");
            case DOCKER_MAILSERVER -> new StackLayout(stack, "postfix-main.cf",
                    in(directory, DMS_DIRECTORY, "postfix-main.cf"), "postfix-master.cf",
                    in(directory, DMS_DIRECTORY, "postfix-master.cf"),
                    "docker compose restart mailserver (or your compose service's name)");
            case MAILU -> new StackLayout(stack, "postfix.cf", in(directory, MAILU_DIRECTORY, "postfix.cf"),
                    "postfix.master", in(directory, MAILU_DIRECTORY, "postfix.master"),
                    "docker compose restart smtp, in the Mailu folder");
            case MAIL_IN_A_BOX, IREDMAIL -> null;
        });
    }

    private static String in(String chosen, String standard, String name) {
        String dir = chosen == null || chosen.isBlank() ? standard : chosen;
        return (dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir) + "/" + name;
    }

    /** True when the stack also reads a master.cf override (docker-mailserver, Mailu). */
    public boolean hasMasterOverride() {
        return masterName != null;
    }
}
