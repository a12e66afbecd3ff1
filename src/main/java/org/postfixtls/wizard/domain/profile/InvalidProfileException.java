package org.postfixtls.wizard.domain.profile;

import java.util.List;
import java.util.stream.Collectors;

/** A profile that cannot be used; carries every problem found, not just the first. */
public final class InvalidProfileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<ProfileError> errors;

    public InvalidProfileException(List<ProfileError> errors) {
        super(errors.stream().map(ProfileError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<ProfileError> errors() {
        return errors;
    }
}
