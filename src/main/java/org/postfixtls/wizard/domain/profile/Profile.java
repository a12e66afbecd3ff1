package org.postfixtls.wizard.domain.profile;

import java.util.List;

/**
 * The admin's TLS choices: one JSON file ({@code "schema": 1}) shared by GUI and CLI, see docs/profile.md.
 * A loaded profile is complete: keys absent from the file carry the chosen preset's values.
 */
public record Profile(int schema, Preset preset, Certificate certificate, Outbound outbound, Inbound inbound,
        Submission submission, Hardening hardening, SessionCache sessionCache, Logging logging,
        List<Policy> policies, MtaSts mtaSts) {

    public static final int SCHEMA = 1;

    public Profile {
        policies = List.copyOf(policies);
    }

    /** Paths on the server; null means "leave what the server has". */
    /**
     * The server certificate ({@code chainFile}/{@code keyFile}: RSA, or the only one) and, optionally, an ECDSA
     * certificate served beside it ({@code ecdsaChainFile}/{@code ecdsaKeyFile}; Postfix picks by what the client
     * supports).
     */
    public record Certificate(String chainFile, String keyFile, String caFile, String ecdsaChainFile,
            String ecdsaKeyFile) {

        public Certificate(String chainFile, String keyFile, String caFile) {
            this(chainFile, keyFile, caFile, null, null);
        }

        public boolean dual() {
            return chainFile != null && keyFile != null && ecdsaChainFile != null && ecdsaKeyFile != null;
        }

        /**
         * The value of smtpd_tls_chain_files (Postfix 3.4+): every key immediately before its certificate chain,
         * "key1, cert1, [chain1], key2, cert2, [chain2]" (postconf(5)), the ECDSA pair first and RSA last as in
         * postconf(5)'s example. A combined file (key and chain in one, chainFile equal to keyFile) is listed once:
         * twice would hand Postfix two keys of the same algorithm, which "may" be "a configuration error".
         */
        public String chainFilesValue() {
            String rsa = pair(keyFile, chainFile);
            return dual() ? pair(ecdsaKeyFile, ecdsaChainFile) + ", " + rsa : rsa;
        }

        private static String pair(String key, String chain) {
            return key.equals(chain) ? chain : key + ", " + chain;
        }
    }

    public record Outbound(TlsLevel level, boolean dnssec) {
    }

    public record Inbound(TlsLevel level, boolean authOnly) {
    }

    public record Listener(boolean enabled, int port) {
    }

    public record Submission(Listener starttls, Listener implicitTls) {
    }

    /**
     * Null fields mean "keep Postfix's default / what the server has". {@code pqKeyExchange}: offer the
     * post-quantum hybrid group X25519MLKEM768 first (Postfix 3.10+ with OpenSSL 3.5+; decision 0067); false
     * leaves the server's key-exchange groups alone, it never removes the group.
     */
    public record Hardening(String protocolFloor, boolean floorOnOpportunistic, String mandatoryCiphers,
            String opportunisticCiphers, List<String> excludeCiphers, boolean clientSide, String eecdhGrade,
            Boolean preferServerCiphers, boolean pqKeyExchange) {
        public Hardening {
            excludeCiphers = List.copyOf(excludeCiphers);
        }

        /** Without post-quantum key exchange (every preset's choice). */
        public Hardening(String protocolFloor, boolean floorOnOpportunistic, String mandatoryCiphers,
                String opportunisticCiphers, List<String> excludeCiphers, boolean clientSide, String eecdhGrade,
                Boolean preferServerCiphers) {
            this(protocolFloor, floorOnOpportunistic, mandatoryCiphers, opportunisticCiphers, excludeCiphers,
                    clientSide, eecdhGrade, preferServerCiphers, false);
        }

        public Hardening withPqKeyExchange(boolean enabled) {
            return new Hardening(protocolFloor, floorOnOpportunistic, mandatoryCiphers, opportunisticCiphers,
                    excludeCiphers, clientSide, eecdhGrade, preferServerCiphers, enabled);
        }
    }

    public record SessionCache(boolean enabled, int timeoutSeconds) {
    }

    public record Logging(Integer smtpLoglevel, Integer smtpdLoglevel, Boolean receivedHeader) {
    }

    /** One TLS policy table entry; null attributes are not written. */
    public record Policy(String destination, TlsLevel level, List<String> match, String protocols, String ciphers,
            String exclude) {
        public Policy {
            match = List.copyOf(match);
        }
    }

    /** MTA-STS and TLS-RPT publication data (RFC 8461, RFC 8460); Postfix itself does not read it. */
    public record MtaSts(String domain, List<String> mx, String mode, long maxAge, String reportAddress) {
        public MtaSts {
            mx = List.copyOf(mx);
        }
    }
}
