package org.postfixtls.wizard.app.remote;

import java.util.Objects;

/** How commands get root: the login user is root, or sudo (without a password, or with one fed on stdin). */
public sealed interface Privilege {

    record Root() implements Privilege {
    }

    /** {@code sudo -n}: the sudoers entry is NOPASSWD. */
    record SudoWithoutPassword() implements Privilege {
    }

    /** {@code sudo -S}: the password goes to sudo on stdin, never on a command line. */
    record SudoWithPassword(char[] password) implements Privilege {
        public SudoWithPassword {
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "SudoWithPassword[***]";
        }
    }
}
