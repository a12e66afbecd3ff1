package org.postfixtls.wizard.domain.cert;

import java.io.IOException;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Key type and size as an administrator reads them: "RSA 4096", "EC P-256", "Ed25519".
 *
 * @param type  RSA, EC, Ed25519, Ed448 or the algorithm OID when unknown
 * @param bits  key size in bits (modulus for RSA, field size for EC)
 * @param curve the named curve for EC keys, else empty
 */
public record PublicKeyDescription(String type, int bits, String curve) {

    public static PublicKeyDescription of(SubjectPublicKeyInfo spki) {
        ASN1ObjectIdentifier algorithm = spki.getAlgorithm().getAlgorithm();
        if (algorithm.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return new PublicKeyDescription("Ed25519", 256, "");
        }
        if (algorithm.equals(EdECObjectIdentifiers.id_Ed448)) {
            return new PublicKeyDescription("Ed448", 456, "");
        }
        try {
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(spki);
            if (key instanceof RSAKeyParameters rsa) {
                return new PublicKeyDescription("RSA", rsa.getModulus().bitLength(), "");
            }
            if (key instanceof ECPublicKeyParameters ec) {
                return new PublicKeyDescription("EC", ec.getParameters().getCurve().getFieldSize(), curveName(spki));
            }
        } catch (IOException | RuntimeException e) {
            // fall through: an unusual algorithm is still worth showing by its OID
        }
        if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return new PublicKeyDescription("RSA", 0, "");
        }
        return new PublicKeyDescription(algorithm.getId(), 0, "");
    }

    static PublicKeyDescription of(RSAPublicKey rsa) {
        return new PublicKeyDescription("RSA", rsa.getModulus().bitLength(), "");
    }

    private static String curveName(SubjectPublicKeyInfo spki) {
        if (spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier oid) {
            if (oid.equals(X9ObjectIdentifiers.prime256v1)) {
                return "P-256";
            }
            String name = ECNamedCurveTable.getName(oid);
            return switch (name == null ? oid.getId() : name) {
                case "secp384r1" -> "P-384";
                case "secp521r1" -> "P-521";
                default -> name == null ? oid.getId() : name;
            };
        }
        return namedCurveMatching(spki);
    }

    /** Keys re-encoded by some tools carry the curve's parameters instead of its name; find the name again. */
    private static String namedCurveMatching(SubjectPublicKeyInfo spki) {
        try {
            X9ECParameters explicit = X9ECParameters.getInstance(spki.getAlgorithm().getParameters());
            for (var names = ECNamedCurveTable.getNames(); names.hasMoreElements(); ) {
                String name = (String) names.nextElement();
                X9ECParameters named = ECNamedCurveTable.getByName(name);
                if (named != null && named.getCurve().equals(explicit.getCurve()) && named.getG().equals(explicit.getG())) {
                    return switch (name) {
                        case "secp256r1", "prime256v1", "P-256" -> "P-256";
                        case "secp384r1", "P-384" -> "P-384";
                        case "secp521r1", "P-521" -> "P-521";
                        default -> name;
                    };
                }
            }
        } catch (RuntimeException e) {
            // not even explicit parameters: say so below
        }
        return "explicit parameters";
    }

    /** RSA below 2048 bits and EC below 256 bits are below what NIST SP 800-52r2 accepts. */
    public boolean isWeak() {
        return (type.equals("RSA") && bits < 2048) || (type.equals("EC") && bits < 256);
    }

    @Override
    public String toString() {
        return switch (type) {
            case "RSA" -> "RSA " + bits;
            case "EC" -> "EC " + curve;
            default -> type;
        };
    }
}
