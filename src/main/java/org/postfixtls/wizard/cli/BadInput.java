package org.postfixtls.wizard.cli;

import org.postfixtls.wizard.domain.kernel.BadInputException;
import picocli.CommandLine;

/** Bad input ends a command with one line on stderr and exit 2, never a stack trace. */
final class BadInput {

    private BadInput() {
    }

    static int report(CommandLine.Model.CommandSpec spec, BadInputException e) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
        spec.commandLine().getErr().flush();
        return ExitCodes.BAD_INPUT;
    }
}
