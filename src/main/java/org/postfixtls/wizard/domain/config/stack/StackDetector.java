package org.postfixtls.wizard.domain.config.stack;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a mail stack from its Postfix files and, when discovery looked over SSH, from marker files that
 * exist on the server. Pure: the caller reads the files.
 */
public final class StackDetector {

    /** The marker files discover.sh looks for; a path here that exists on the server names its stack. */
    public static final List<String> MARKER_FILES = List.of("/opt/postfix/conf/extra.cf", "/overrides/postfix.cf",
            "/tmp/docker-mailserver", "/etc/dms-settings", "/etc/mailinabox.conf", "/usr/local/bin/mailinabox",
            "/etc/iredmail-release");

    private record Signature(MailStack stack, Pattern pattern, String what) {
    }

    // Lines each stack's shipped files contain (corpus-real holds the real files these were taken from).
    private static final List<Signature> SIGNATURES = List.of(
            new Signature(MailStack.MAILCOW, Pattern.compile("(?m)^# Overrides #\\s*$"),
                    "main.cf has mailcow's '# Overrides #' line"),
            new Signature(MailStack.MAILCOW, Pattern.compile("/opt/postfix/conf/"),
                    "main.cf uses mailcow's /opt/postfix/conf paths"),
            new Signature(MailStack.MAILU, Pattern.compile("socketmap:unix:/tmp/podop\\.socket"),
                    "main.cf asks Mailu's podop socket"),
            new Signature(MailStack.DOCKER_MAILSERVER,
                    Pattern.compile("(?m)^dms_[a-z_]+\\s*=|docker-mailserver|/etc/postfix/maps/sender_header_filter"),
                    "main.cf has docker-mailserver's settings"),
            new Signature(MailStack.MAIL_IN_A_BOX, Pattern.compile("(?m)^smtpd_banner\\s*=.*Mail-in-a-Box"),
                    "smtpd_banner names Mail-in-a-Box"),
            new Signature(MailStack.IREDMAIL, Pattern.compile("(?i)iredapd|iRedMail"),
                    "main.cf refers to iRedMail/iRedAPD"));

    private StackDetector() {
    }

    /**
     * @param markers marker files found on the server (a subset of {@link #MARKER_FILES}); empty for local files
     */
    public static Optional<DetectedStack> detect(String mainCf, String masterCf, Collection<String> markers) {
        for (String marker : markers) {
            Optional<MailStack> stack = stackOfMarker(marker);
            if (stack.isPresent()) {
                return Optional.of(new DetectedStack(stack.get(), "the server has " + marker));
            }
        }
        String text = (mainCf == null ? "" : mainCf) + "\n" + (masterCf == null ? "" : masterCf);
        for (Signature signature : SIGNATURES) {
            Matcher matcher = signature.pattern().matcher(text);
            if (matcher.find()) {
                return Optional.of(new DetectedStack(signature.stack(), signature.what()));
            }
        }
        return Optional.empty();
    }

    static Optional<MailStack> stackOfMarker(String marker) {
        String m = marker.toLowerCase(Locale.ROOT);
        if (m.equals("/opt/postfix/conf/extra.cf") || m.endsWith("/mailcow.conf")) {
            return Optional.of(MailStack.MAILCOW);
        }
        if (m.equals("/overrides/postfix.cf")) {
            return Optional.of(MailStack.MAILU);
        }
        if (m.equals("/tmp/docker-mailserver") || m.equals("/etc/dms-settings")) {
            return Optional.of(MailStack.DOCKER_MAILSERVER);
        }
        if (m.equals("/etc/mailinabox.conf") || m.equals("/usr/local/bin/mailinabox")) {
            return Optional.of(MailStack.MAIL_IN_A_BOX);
        }
        if (m.equals("/etc/iredmail-release")) {
            return Optional.of(MailStack.IREDMAIL);
        }
        return Optional.empty();
    }
}
