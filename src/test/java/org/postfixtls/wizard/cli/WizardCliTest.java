package org.postfixtls.wizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.postfixtls.wizard.app.AppInfo;

class WizardCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return WizardCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void versionNamesTheProductAndTheBuildVersion() {
        assertEquals(ExitCodes.OK, run("--version"));
        assertEquals("Postfix TLS Wizard " + AppInfo.version(), out.toString().strip());
        assertTrue(AppInfo.version().matches("\\d+\\.\\d+\\.\\d+.*"), "version stamped by the build: " + AppInfo.version());
    }

    @Test
    void helpListsTheExitCodes() {
        assertEquals(ExitCodes.OK, run("--help"));
        assertTrue(out.toString().contains("Usage: postfix-tls-wizard"));
        assertTrue(out.toString().contains("2   bad usage or bad input"));
    }

    @Test
    void anUnknownSubcommandIsBadUsageNamingWhatWasWrong() {
        assertEquals(ExitCodes.BAD_INPUT, run("deploi"));
        assertTrue(err.toString().contains("'deploi'"), err.toString());
    }

    private static String execute(CommandLine commandLine, String... args) {
        StringWriter captured = new StringWriter();
        commandLine.setOut(new PrintWriter(captured, true));
        commandLine.setErr(new PrintWriter(captured, true));
        commandLine.execute(args);
        return captured.toString();
    }

    @Test
    void theFastVersionLineIsTheOnePicocliPrints() {
        run("--version");
        assertEquals(execute(WizardCli.commandLine(), "--version"), out.toString());
    }

    @Test
    void aRunOfOneSubcommandBuildsOnlyThatOneAndBehavesAsTheFullTree() {
        for (String name : CliSubcommands.NAMES) {
            if (name.equals("help")) {
                continue;
            }
            List<String> needed = CliSubcommands.neededFor(name, "--help");
            assertEquals(List.of(name), needed);
            CommandLine lean = WizardCli.commandLine(needed);
            assertEquals(List.of(name), List.copyOf(lean.getSubcommands().keySet()));
            assertEquals(execute(WizardCli.commandLine(), name, "--help"), execute(lean, name, "--help"), name);
            assertEquals(execute(WizardCli.commandLine(), name, "--no-such-option"),
                    execute(WizardCli.commandLine(needed), name, "--no-such-option"), name);
        }
        assertEquals(CliSubcommands.NAMES, CliSubcommands.neededFor("help", "verify"));
        assertEquals(CliSubcommands.NAMES, CliSubcommands.neededFor("--help"));
    }

    @Test
    void everySubcommandIsRegisteredUnderItsOwnName() {
        CommandLine full = WizardCli.commandLine();
        assertEquals(CliSubcommands.NAMES, List.copyOf(full.getSubcommands().keySet()));
        full.getSubcommands().forEach((name, sub) -> assertEquals(name, sub.getCommandName()));
    }
}
