package org.postfixtls.wizard.app.verify;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postfixtls.wizard.domain.verify.TlsVersion;

/** What openssl s_client and swaks say about a port, to hold the verifier's results against. */
public final class ReferenceTools {

    private static final Pattern CERT = Pattern.compile("-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", Pattern.DOTALL);

    private ReferenceTools() {
    }

    /** openssl s_client restricted to one version; TLS <= 1.2 at security level 0 so the client side never refuses. */
    public static boolean opensslAccepts(String host, int port, boolean starttls, TlsVersion version) {
        // A refusal repeats; a hiccup of the shared test bed (a throttled tlsmgr after someone's reset) does not.
        for (int attempt = 0; attempt < 3; attempt++) {
            if (opensslAcceptsOnce(host, port, starttls, version)) {
                return true;
            }
            TestbedPostfix.sleep(500);
        }
        return false;
    }

    private static boolean opensslAcceptsOnce(String host, int port, boolean starttls, TlsVersion version) {
        String flag = switch (version) {
            case TLS_1_0 -> "-tls1";
            case TLS_1_1 -> "-tls1_1";
            case TLS_1_2 -> "-tls1_2";
            case TLS_1_3 -> "-tls1_3";
        };
        List<String> command = new ArrayList<>(List.of("timeout", "15", "openssl", "s_client", "-connect", host + ":" + port, flag));
        if (starttls) {
            command.addAll(List.of("-starttls", "smtp"));
        }
        if (version != TlsVersion.TLS_1_3) {
            command.addAll(List.of("-cipher", "DEFAULT:@SECLEVEL=0"));
        }
        String output = TestbedPostfix.run(command, 30).output();
        // The SSL-Session block has the negotiated protocol ("New, TLSv1.0, Cipher is" names the cipher's version).
        Matcher protocol = Pattern.compile("\\n\\s+Protocol\\s*:\\s*(\\S+)").matcher(output);
        Matcher cipher = Pattern.compile("\\n\\s+Cipher\\s*:\\s*(\\S+)").matcher(output);
        if (version == TlsVersion.TLS_1_3 && output.matches("(?s).*\\nNew, TLSv1\\.3, Cipher is TLS_\\S+.*")) {
            return true; // with TLS 1.3, s_client may quit (stdin closed) before printing the SSL-Session block
        }
        return protocol.find() && cipher.find() && !cipher.group(1).equals("0000") && !cipher.group(1).equals("(NONE)")
                && protocol.group(1).equals(version.label());
    }

    /** SHA-256 fingerprints (colon-separated, upper case) of the certificates openssl received, in order. */
    static List<String> opensslChain(String host, int port, boolean starttls) throws Exception {
        List<String> command = new ArrayList<>(List.of("timeout", "15", "openssl", "s_client", "-connect", host + ":" + port, "-showcerts"));
        if (starttls) {
            command.addAll(List.of("-starttls", "smtp"));
        }
        String output = TestbedPostfix.run(command, 30).output();
        List<String> fingerprints = new ArrayList<>();
        Matcher m = CERT.matcher(output);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        while (m.find()) {
            byte[] der = factory.generateCertificate(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.US_ASCII))).getEncoded();
            String hex = HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256").digest(der));
            fingerprints.add(hex.toUpperCase(Locale.ROOT));
        }
        return fingerprints;
    }

    /** swaks's transcript up to the EHLO after TLS (implicit TLS with --tlsc). */
    static String swaksEhlo(String host, int port, boolean implicit) {
        return TestbedPostfix.run(List.of("swaks", "--server", host, "--port", Integer.toString(port),
                implicit ? "--tlsc" : "--tls", "--quit-after", "HELO", "--timeout", "10"), 30).output();
    }

    /** AUTH in swaks's transcript: "<-" lines are plaintext, "<~" lines arrived inside TLS. */
    static boolean swaksSawAuth(String transcript, boolean insideTls) {
        String prefix = insideTls ? "<~" : "<-";
        return transcript.lines().anyMatch(l -> l.startsWith(prefix) && l.substring(2).strip().matches("250[ -]AUTH\\b.*"));
    }

    /** swaks sending MAIL FROM without TLS: the server's reply code to it. */
    static String swaksMailWithoutTls(String host, int port) {
        return TestbedPostfix.run(List.of("swaks", "--server", host, "--port", Integer.toString(port), "--from", "probe@testbed.example",
                "--to", "testuser@testbed.example", "--quit-after", "MAIL", "--timeout", "10"), 30).output();
    }
}
