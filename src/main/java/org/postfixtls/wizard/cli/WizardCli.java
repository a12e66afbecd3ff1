package org.postfixtls.wizard.cli;

import java.io.PrintWriter;
import org.postfixtls.wizard.app.AppInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line face of the engine: {@code postfix-tls-wizard <subcommand>}. */
@Command(
        name = AppInfo.COMMAND,
        mixinStandardHelpOptions = true,
        versionProvider = WizardCli.Version.class,
        description = {
            "Configure, deploy and prove TLS on a Postfix mail server.",
            "Without a subcommand the wizard window opens."
        },
        subcommands = {CommandLine.HelpCommand.class, PlanCommand.class, LintCommand.class,
                CertCommand.class, RecordsCommand.class, DiscoverCommand.class, DeployCommand.class,
                RollbackCommand.class, HistoryCommand.class, BundleCommand.class, VerifyCommand.class,
                ReadinessCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, or nothing to do",
            "1:the job ran and found problems, or failed",
            "2:bad usage or bad input (nothing was changed)"
        })
public final class WizardCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(TerminalWriter.wrap(out));
        commandLine.setErr(TerminalWriter.wrap(err));
        return commandLine.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new WizardCli());
        commandLine.setExecutionExceptionHandler(new UserFacingErrors());
        // no ANSI styles in the help: every escape sequence printed is shown as text (TerminalWriter)
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        return commandLine;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppInfo.NAME + " " + AppInfo.version()};
        }
    }
}
