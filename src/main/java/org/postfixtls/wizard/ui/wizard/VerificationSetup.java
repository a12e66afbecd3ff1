package org.postfixtls.wizard.ui.wizard;

import java.util.Optional;
import org.postfixtls.wizard.app.verify.ServerCommands;

/**
 * Where the verification step gets server-side access from: the SSH session of the Connect step when there is one
 * (posttls-finger, the mail log, the key file's permissions), nothing otherwise (demo, or a host typed by hand).
 */
@FunctionalInterface
public interface VerificationSetup {

    Optional<ServerCommands> serverCommands();

    VerificationSetup NONE = Optional::empty;
}
