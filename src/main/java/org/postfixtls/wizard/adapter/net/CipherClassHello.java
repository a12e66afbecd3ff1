package org.postfixtls.wizard.adapter.net;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.postfixtls.wizard.domain.verify.ProbeOutcome;

/**
 * A hand-written TLS 1.2 ClientHello offering only given cipher suites, and the reading of the server's first
 * answer: a ServerHello naming one of them means "accepted", an alert or a closed connection means "refused".
 * No TLS library can offer RC4 or EXPORT suites any more, and the question needs no finished handshake.
 */
final class CipherClassHello {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int EMPTY_RENEGOTIATION_INFO_SCSV = 0x00FF;

    private CipherClassHello() {
    }

    static byte[] clientHello(List<Integer> suites, String sniHost) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0x03);
        body.write(0x03); // client_version TLS 1.2; a TLS 1.2 server may still pick any suite offered
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        body.writeBytes(random);
        body.write(0); // no session id
        u16(body, (suites.size() + 1) * 2);
        suites.forEach(s -> u16(body, s));
        u16(body, EMPTY_RENEGOTIATION_INFO_SCSV);
        body.write(1);
        body.write(0); // null compression only
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        if (sniHost != null) {
            byte[] name = sniHost.getBytes(StandardCharsets.US_ASCII);
            extension(extensions, 0x0000, concat(u16(name.length + 3), new byte[] {0}, u16(name.length), name));
        }
        extension(extensions, 0x000a, concat(u16(8), u16(0x001d), u16(0x0017), u16(0x0018), u16(0x0019)));
        extension(extensions, 0x000b, new byte[] {1, 0});
        int[] signatureSchemes = {0x0401, 0x0501, 0x0601, 0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0201, 0x0203};
        ByteArrayOutputStream schemes = new ByteArrayOutputStream();
        u16(schemes, signatureSchemes.length * 2);
        for (int scheme : signatureSchemes) {
            u16(schemes, scheme);
        }
        extension(extensions, 0x000d, schemes.toByteArray());
        u16(body, extensions.size());
        body.writeBytes(extensions.toByteArray());

        byte[] hello = body.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(0x16);
        record.write(0x03);
        record.write(0x01);
        u16(record, hello.length + 4);
        record.write(0x01); // client_hello
        record.write(0);
        u16(record, hello.length);
        record.writeBytes(hello);
        return record.toByteArray();
    }

    /** Reads the server's first record after the ClientHello. */
    static ProbeOutcome readAnswer(InputStream raw, List<Integer> offered) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        int type;
        byte[] fragment;
        try {
            type = in.readUnsignedByte();
            in.readUnsignedShort(); // record version
            int length = in.readUnsignedShort();
            if (length > 1 << 15) {
                return ProbeOutcome.unknown("the server's answer is not a TLS record");
            }
            fragment = new byte[length];
            in.readFully(fragment);
        } catch (EOFException e) {
            return ProbeOutcome.refused("the server closed the connection instead of choosing one of these suites");
        } catch (SocketTimeoutException e) {
            if ("overall time limit reached".equals(e.getMessage())) {
                throw e; // the caller names the overall limit
            }
            return ProbeOutcome.unknown("no answer to the ClientHello within the time limit");
        }
        if (type == 0x15 && fragment.length >= 2) {
            return ProbeOutcome.refused("refused with alert " + AlertDescription.getText((short) (fragment[1] & 0xff)));
        }
        if (type == 0x16 && fragment.length >= 4 + 2 + 32 + 1 && fragment[0] == 0x02) {
            int sessionIdLength = fragment[4 + 2 + 32] & 0xff;
            int at = 4 + 2 + 32 + 1 + sessionIdLength;
            if (fragment.length >= at + 2) {
                int suite = ((fragment[at] & 0xff) << 8) | (fragment[at + 1] & 0xff);
                if (offered.contains(suite)) {
                    return ProbeOutcome.accepted("the server chose " + TlsNames.cipherSuite(suite));
                }
                return ProbeOutcome.unknown("the server chose " + TlsNames.cipherSuite(suite) + ", which was not offered");
            }
        }
        return ProbeOutcome.unknown("unexpected answer to the ClientHello (record type " + type + ")");
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        u16(out, type);
        u16(out, data.length);
        out.writeBytes(data);
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write((value >>> 8) & 0xff);
        out.write(value & 0xff);
    }

    private static byte[] u16(int value) {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
