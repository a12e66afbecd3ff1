package org.postfixtls.wizard.domain.verify;

import java.util.List;

/**
 * The cipher classes the runbook excludes ({@code smtpd_tls_exclude_ciphers = aNULL, MD5, DES, 3DES, RC4, EXPORT,
 * eNULL}), each with the IANA code points a probe offers — and only those — to see whether the server picks one.
 */
public enum WeakCipherClass {
    RC4("RC4", "rc4", List.of(0x0005, 0x0004, 0xC011, 0xC007, 0x0018, 0x0003)),
    TRIPLE_DES("3DES", "3des", List.of(0x000A, 0xC012, 0xC008, 0x0016, 0x0013, 0x001B)),
    NULL("NULL (eNULL)", "null", List.of(0x0001, 0x0002, 0x003B, 0xC010, 0xC006, 0x002C)),
    EXPORT("EXPORT", "export", List.of(0x0003, 0x0006, 0x0008, 0x000B, 0x000E, 0x0011, 0x0014, 0x0017, 0x0019)),
    ANONYMOUS("anonymous (aNULL)", "anon", List.of(0x0034, 0x003A, 0x006C, 0x006D, 0x00A6, 0x00A7, 0xC018, 0xC019, 0x0018, 0x001B));

    private final String label;
    private final String key;
    private final List<Integer> cipherSuites;

    WeakCipherClass(String label, String key, List<Integer> cipherSuites) {
        this.label = label;
        this.key = key;
        this.cipherSuites = cipherSuites;
    }

    public String label() {
        return label;
    }

    /** The JSON key and check id suffix. */
    public String key() {
        return key;
    }

    public List<Integer> cipherSuites() {
        return cipherSuites;
    }
}
