package org.postfixtls.wizard.adapter.net;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;

/** IANA names for what Bouncy Castle reports as numbers (cipher suites, groups, versions). */
final class TlsNames {

    private static final Map<Integer, String> CIPHER_SUITES = cipherSuiteNames();

    private TlsNames() {
    }

    static String cipherSuite(int code) {
        return CIPHER_SUITES.getOrDefault(code, String.format("0x%04X", code));
    }

    static String group(int group) {
        String name = NamedGroup.getName(group);
        return name == null ? "group " + group : name;
    }

    /** OpenSSL's spelling, as Postfix logs it: TLSv1, TLSv1.1, TLSv1.2, TLSv1.3. */
    static String version(ProtocolVersion version) {
        if (ProtocolVersion.TLSv10.equals(version)) {
            return "TLSv1";
        }
        if (ProtocolVersion.TLSv11.equals(version)) {
            return "TLSv1.1";
        }
        if (ProtocolVersion.TLSv12.equals(version)) {
            return "TLSv1.2";
        }
        if (ProtocolVersion.TLSv13.equals(version)) {
            return "TLSv1.3";
        }
        return version == null ? "unknown" : version.toString();
    }

    private static Map<Integer, String> cipherSuiteNames() {
        // CipherSuite's constants are the IANA names; the class has no reverse lookup.
        Map<Integer, String> names = new HashMap<>();
        for (Field field : CipherSuite.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class && field.getName().startsWith("TLS_")) {
                try {
                    names.putIfAbsent(field.getInt(null), field.getName());
                } catch (IllegalAccessException e) {
                    // public constant: cannot happen
                }
            }
        }
        return Map.copyOf(names);
    }
}
