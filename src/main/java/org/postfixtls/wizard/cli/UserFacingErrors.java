package org.postfixtls.wizard.cli;

import picocli.CommandLine;

/**
 * Turns an unexpected exception inside a subcommand into one line a person can read.
 * Stack traces are for developers: they appear only with {@code PFTW_DEBUG=1}.
 */
final class UserFacingErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        commandLine.getErr().println(commandLine.getCommandName() + ": " + message);
        if ("1".equals(System.getenv("PFTW_DEBUG"))) {
            ex.printStackTrace(commandLine.getErr());
        }
        return ExitCodes.PROBLEMS;
    }
}
