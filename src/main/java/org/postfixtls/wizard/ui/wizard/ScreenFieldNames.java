package org.postfixtls.wizard.ui.wizard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postfixtls.wizard.domain.profile.ProfileError;

/**
 * Turns a profile problem into the words of the screen: the step and the field label the admin sees instead of the
 * profile's JSON path ({@code policies[0].destination} becomes "Domain policies, row 1, Destination"). The CLI keeps
 * the JSON paths; a file opened in the wizard gets both, since the admin must find the field in the file.
 */
public final class ScreenFieldNames {

    private static final Map<String, String> FIELDS = new LinkedHashMap<>();
    private static final Pattern INDEXED = Pattern.compile("^([a-zA-Z]+)\\[(\\d+)]\\.?(.*)$");
    private static final Pattern ANY_PATH = Pattern.compile(
            "\\b(?:certificate|submission|hardening|mtaSts|sessionCache|logging|outbound|inbound|policies)"
                    + "(?:\\[\\d+])?(?:\\.[a-zA-Z]+(?:\\[\\d+])?)+\\b");

    static {
        FIELDS.put("certificate.chainFile", "Certificate, Certificate chain on the server");
        FIELDS.put("certificate.keyFile", "Certificate, Private key on the server");
        FIELDS.put("certificate.caFile", "Certificate, CA bundle for verifying other servers");
        FIELDS.put("outbound.level", "Outbound TLS, level");
        FIELDS.put("inbound.level", "Inbound TLS, level for port 25");
        FIELDS.put("inbound.authOnly", "Inbound TLS, AUTH only after STARTTLS");
        FIELDS.put("submission.starttls.port", "Submission ports, port of submission with STARTTLS");
        FIELDS.put("submission.implicitTls.port", "Submission ports, port of submissions with implicit TLS");
        FIELDS.put("hardening.protocolFloor", "Hardening, Oldest TLS version");
        FIELDS.put("hardening.mandatoryCiphers", "Hardening, Mandatory TLS ciphers");
        FIELDS.put("hardening.opportunisticCiphers", "Hardening, Opportunistic TLS ciphers");
        FIELDS.put("hardening.excludeCiphers", "Hardening, Exclude ciphers");
        FIELDS.put("hardening.eecdhGrade", "Hardening, EECDH grade");
        FIELDS.put("sessionCache.timeout", "Hardening, TLS session cache time");
        FIELDS.put("logging.smtpLoglevel", "Hardening, outgoing TLS log level");
        FIELDS.put("logging.smtpdLoglevel", "Hardening, incoming TLS log level");
        FIELDS.put("mtaSts.domain", "DNS records, Mail domain");
        FIELDS.put("mtaSts.mx", "DNS records, MX host names");
        FIELDS.put("mtaSts.mode", "DNS records, MTA-STS mode");
        FIELDS.put("mtaSts.maxAge", "DNS records, max_age (seconds)");
        FIELDS.put("mtaSts.reportAddress", "DNS records, TLS-RPT reports to");
    }

    /** Profile path → the node id of the control that edits it (the pages set these ids). */
    private static final Map<String, String> CONTROLS = Map.ofEntries(
            Map.entry("certificate.chainFile", "certificate-chain-path"),
            Map.entry("certificate.keyFile", "certificate-key-path"),
            Map.entry("inbound.authOnly", "inbound-auth-only"),
            Map.entry("submission.starttls.port", "submission-starttls-port"),
            Map.entry("submission.implicitTls.port", "submission-implicit-port"),
            Map.entry("hardening.protocolFloor", "hardening-floor"),
            Map.entry("hardening.excludeCiphers", "hardening-exclude"),
            Map.entry("hardening.eecdhGrade", "hardening-eecdh"),
            Map.entry("mtaSts.domain", "dns-domain"),
            Map.entry("mtaSts.mx", "dns-mx"),
            Map.entry("mtaSts.mode", "dns-mode"),
            Map.entry("mtaSts.maxAge", "dns-max-age"),
            Map.entry("mtaSts.reportAddress", "dns-report"));

    private static final Map<String, String> POLICY_COLUMNS = Map.of(
            "destination", "Destination", "level", "Level", "match", "Match", "protocols", "Protocols",
            "ciphers", "Ciphers", "exclude", "Exclude");

    private ScreenFieldNames() {
    }

    /** "Step, field: what is allowed", with every JSON path in the message replaced as well. */
    public static String describe(ProfileError error) {
        return label(error.path()) + ": " + inMessage(error.message());
    }

    /** The node id of the control that edits this profile path, when the wizard has one control for it. */
    public static java.util.Optional<String> controlId(String path) {
        if (path.startsWith("policies[")) {
            return java.util.Optional.of("policies-table");
        }
        return java.util.Optional.ofNullable(CONTROLS.get(path.replaceAll("\\[\\d+]$", "")));
    }

    /** The on-screen name of a profile path. */
    public static String label(String path) {
        Matcher indexed = INDEXED.matcher(path);
        if (indexed.matches() && indexed.group(1).equals("policies")) {
            int row = Integer.parseInt(indexed.group(2)) + 1;
            String rest = indexed.group(3).replaceAll("\\[\\d+]$", "");
            String column = POLICY_COLUMNS.getOrDefault(rest, rest);
            return "Domain policies, row " + row + (column.isEmpty() ? "" : ", " + column);
        }
        Matcher listItem = Pattern.compile("^(.*)\\[(\\d+)]$").matcher(path);
        if (listItem.matches() && FIELDS.containsKey(listItem.group(1))) {
            return FIELDS.get(listItem.group(1)) + ", entry " + (Integer.parseInt(listItem.group(2)) + 1);
        }
        if (FIELDS.containsKey(path)) {
            return FIELDS.get(path);
        }
        if ("$".equals(path)) {
            return "Profile file";
        }
        return path.replaceAll("([a-z])([A-Z])", "$1 $2").replace('.', ',').toLowerCase(java.util.Locale.ROOT);
    }

    private static String inMessage(String message) {
        Matcher paths = ANY_PATH.matcher(message);
        StringBuilder out = new StringBuilder();
        while (paths.find()) {
            paths.appendReplacement(out, Matcher.quoteReplacement("\u201c" + label(paths.group()) + "\u201d"));
        }
        paths.appendTail(out);
        return out.toString();
    }
}
