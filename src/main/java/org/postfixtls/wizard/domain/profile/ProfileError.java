package org.postfixtls.wizard.domain.profile;

/** One problem in a profile: the JSON path of the field (e.g. {@code policies[2].destination}) and what is allowed. */
public record ProfileError(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
