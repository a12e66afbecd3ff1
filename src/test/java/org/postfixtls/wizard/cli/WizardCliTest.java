package org.postfixtls.wizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
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
}
