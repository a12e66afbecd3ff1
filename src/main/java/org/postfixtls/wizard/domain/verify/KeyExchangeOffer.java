package org.postfixtls.wizard.domain.verify;

/**
 * The two TLS 1.3 ClientHellos of the post-quantum probe (decision 0067), each on its own connection.
 * {@link #PQ_ONLY} offers only X25519MLKEM768: accepted means the server supports it. {@link #PQ_AND_X25519}
 * offers it beside X25519 with a key share for each, as OpenSSL 3.5's default client does: accepted means the
 * server would also choose it then.
 */
public enum KeyExchangeOffer {
    PQ_ONLY("X25519MLKEM768 alone"),
    PQ_AND_X25519("X25519MLKEM768 beside X25519");

    /** The group's IANA name, as reports show the negotiated group. */
    public static final String GROUP = "X25519MLKEM768";

    private final String label;

    KeyExchangeOffer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The key in JSON reports: {@code alone}, {@code besideX25519}. */
    public String json() {
        return this == PQ_ONLY ? "alone" : "besideX25519";
    }
}
