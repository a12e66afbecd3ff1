package org.postfixtls.wizard.domain.records;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A DANE-EE record, {@code 3 1 1}: usage 3 (the server's own key, no CA involved), selector 1 (the
 * SubjectPublicKeyInfo, so it survives renewals that keep the key), matching type 1 (SHA-256).
 *
 * @param mxHost      the MX host name the record is published under
 * @param sha256Hex   lower-case hex SHA-256 of the DER SubjectPublicKeyInfo
 * @param role        "current" or "next" (the pre-published rollover key)
 */
public record TlsaRecord(String mxHost, String sha256Hex, String role) {

    public static final int SMTP_PORT = 25;

    public static TlsaRecord of(String mxHost, SubjectPublicKeyInfo publicKey, String role) {
        return new TlsaRecord(DomainNames.require(mxHost, "MX host name"), spkiSha256Hex(publicKey), role);
    }

    public static String spkiSha256Hex(SubjectPublicKeyInfo publicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded("DER")));
        } catch (NoSuchAlgorithmException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String ownerName() {
        return "_" + SMTP_PORT + "._tcp." + mxHost + ".";
    }

    /** The record in zone-file syntax, ready to paste. */
    public String zoneLine() {
        return ownerName() + " IN TLSA 3 1 1 " + sha256Hex;
    }
}
