package org.postfixtls.wizard.app.verify;

import java.time.Duration;
import java.util.List;

/**
 * Runs a command on the mail server. An argument vector, never a shell string: the local adapter hands it to
 * ProcessBuilder, an SSH adapter quotes each element, so no value can turn into shell syntax either way.
 */
public interface ServerCommands {

    /** @throws ServerCommandException when the command could not run or did not finish within {@code timeout} */
    CommandResult run(List<String> argv, Duration timeout) throws ServerCommandException;
}
