package org.postfixtls.wizard.domain.cert;

/** What a key file turned out to hold. */
public enum KeyKind {
    /** An unencrypted private key: what Postfix needs. */
    PRIVATE,
    /** A passphrase-protected private key: Postfix cannot start with it unattended. */
    ENCRYPTED_PRIVATE,
    /** Only the public half, e.g. derived on the server with {@code openssl pkey -pubout}. */
    PUBLIC
}
