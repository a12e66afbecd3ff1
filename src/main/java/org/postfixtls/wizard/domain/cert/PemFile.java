package org.postfixtls.wizard.domain.cert;

import org.postfixtls.wizard.domain.kernel.InputLimits;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits PEM text into blocks and turns the ways a file can be wrong into a message that says what was
 * expected. Decoding is strict on purpose: a cut-off download must not pass as a shorter chain.
 */
public final class PemFile {

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
    private static final String CONVERT_DER_HINT =
            "convert it first, e.g. openssl x509 -inform DER -in FILE -out FILE.pem";

    private final String name;
    private final List<PemBlock> blocks;

    private PemFile(String name, List<PemBlock> blocks) {
        this.name = name;
        this.blocks = List.copyOf(blocks);
    }

    /**
     * @param expected what the caller needs, used in messages ("a PEM certificate chain", "a PEM private or public key")
     */
    public static PemFile parse(FileContent content, String expected) {
        return parse(content, expected, InputLimits.MAX_PEM_BYTES);
    }

    /** For CA bundles, which hold a hundred or more certificates. */
    static PemFile parseLarge(FileContent content, String expected) {
        return parse(content, expected, InputLimits.MAX_CA_BUNDLE_BYTES);
    }

    private static PemFile parse(FileContent content, String expected, int maxBytes) {
        String name = content.name();
        if (content.length() > maxBytes) {
            throw new BadInputException(name + " is larger than " + maxBytes / 1024
                    + " KB; expected " + expected + " (a few KB)");
        }
        String text = new String(content.bytes(), StandardCharsets.US_ASCII);
        if (text.isBlank()) {
            throw new BadInputException(name + " is empty; expected " + expected);
        }
        Matcher begin = BEGIN.matcher(text);
        if (!begin.find()) {
            if (looksLikeDer(content)) {
                throw new BadInputException(name + " is binary DER, not PEM; expected " + expected + " in PEM form ("
                        + CONVERT_DER_HINT + ")");
            }
            throw new BadInputException(name + " is not PEM (no -----BEGIN ...----- line); expected " + expected);
        }
        List<PemBlock> blocks = new ArrayList<>();
        int from = 0;
        while (begin.find(from)) {
            String type = begin.group(1);
            String endMarker = "-----END " + type + "-----";
            int end = text.indexOf(endMarker, begin.end());
            int number = blocks.size() + 1;
            if (end < 0) {
                throw new BadInputException(name + " is truncated: block " + number + " (" + type
                        + ") has no END line; expected " + expected + " with complete blocks");
            }
            blocks.add(block(name, type, text.substring(begin.end(), end), number, expected));
            from = end + endMarker.length();
        }
        return new PemFile(name, blocks);
    }

    private static PemBlock block(String name, String type, String body, int number, String expected) {
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder base64 = new StringBuilder();
        for (String line : body.split("\r?\n")) {
            String trimmed = line.strip();
            int colon = trimmed.indexOf(':');
            if (colon > 0 && base64.isEmpty()) {
                headers.put(trimmed.substring(0, colon).strip(), trimmed.substring(colon + 1).strip());
            } else {
                base64.append(trimmed);
            }
        }
        try {
            byte[] der = Base64.getDecoder().decode(base64.toString());
            if (der.length == 0) {
                throw new BadInputException(name + ": block " + number + " (" + type + ") is empty; expected " + expected);
            }
            return new PemBlock(type, headers, der, number);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(name + ": block " + number + " (" + type
                    + ") is not valid base64 (corrupt or truncated); expected " + expected, e);
        }
    }

    private static boolean looksLikeDer(FileContent content) {
        // DER certificates and keys are ASN.1 SEQUENCEs: tag 0x30 followed by a length byte.
        return content.length() > 2 && content.byteAt(0) == 0x30
                && ((content.byteAt(1) & 0xff) == 0x82 || (content.byteAt(1) & 0xff) == 0x81 || (content.byteAt(1) & 0x80) == 0);
    }

    public String name() {
        return name;
    }

    public List<PemBlock> blocks() {
        return blocks;
    }

    public List<PemBlock> certificates() {
        return blocks.stream().filter(PemBlock::isCertificate).toList();
    }

    public List<PemBlock> keys() {
        return blocks.stream().filter(b -> b.isPrivateKey() || b.isPublicKey()).toList();
    }
}
