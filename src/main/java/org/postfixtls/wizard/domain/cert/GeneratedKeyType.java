package org.postfixtls.wizard.domain.cert;

import org.postfixtls.wizard.domain.kernel.BadInputException;

/** Key types offered for a generated test certificate. */
public enum GeneratedKeyType {
    /** ECDSA P-256: small, fast, accepted by every current mail server. The default. */
    EC("ec"),
    RSA_2048("rsa2048"),
    RSA_4096("rsa4096");

    private final String option;

    GeneratedKeyType(String option) {
        this.option = option;
    }

    /** The spelling used by the CLI ({@code --key-type}). */
    public String option() {
        return option;
    }

    public static GeneratedKeyType fromOption(String option) {
        for (GeneratedKeyType type : values()) {
            if (type.option.equalsIgnoreCase(option)) {
                return type;
            }
        }
        throw new BadInputException("unknown key type '" + option + "'; expected ec, rsa2048 or rsa4096");
    }
}
