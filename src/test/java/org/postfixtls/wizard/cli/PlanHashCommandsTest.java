package org.postfixtls.wizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.domain.config.plan.PlanHash;
import org.postfixtls.wizard.domain.config.plan.PlanRequest;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.profile.ProfileJson;
import org.postfixtls.wizard.testsupport.Corpus;

/** {@code plan} prints the plan hash of decision 0056; {@code deploy --expect-plan} refuses a malformed one (exit 2). */
class PlanHashCommandsTest {

    private static final Pattern HASH_LINE = Pattern.compile("(?m)^Plan SHA-256: ([0-9a-f]{64})  \\(deploy --expect-plan \\1 ");
    private static final String PROFILE = "{\"schema\":1,\"hardening\":{\"preset\":\"runbook\"}}";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return WizardCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String printedHash() {
        Matcher m = HASH_LINE.matcher(out.toString());
        assertTrue(m.find(), out::toString);
        return m.group(1);
    }

    @Test
    void planPrintsTheHashOfExactlyThePlanItShowsAndTheSameFilesGiveTheSameHash() throws Exception {
        Path profile = Files.writeString(dir.resolve("p.json"), PROFILE);
        Path config = Files.createDirectories(dir.resolve("conf"));
        String main = Corpus.read("handedited", "main.cf");
        String master = Corpus.read("handedited", "master.cf");
        Files.write(config.resolve("main.cf"), main.getBytes(StandardCharsets.ISO_8859_1));
        Files.write(config.resolve("master.cf"), master.getBytes(StandardCharsets.ISO_8859_1));

        assertEquals(0, run("plan", "--profile", profile.toString(), "--config-dir", config.toString()), err::toString);
        String first = printedHash();
        PlanHash expected = PlanHash.of(Planner.plan(PlanRequest.of(main, master, ProfileJson.read(PROFILE),
                new PostfixVersion(3, 7))));
        assertEquals(expected.hex(), first);
        assertEquals(0, run("plan", "--profile", profile.toString(), "--config-dir", config.toString()));
        assertEquals(first, printedHash(), "the same files and profile give the same hash");

        Files.write(config.resolve("master.cf"), (master + "# a comment the plan leaves alone\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(0, run("plan", "--profile", profile.toString(), "--config-dir", config.toString()));
        assertNotEquals(first, printedHash(), "a file the plan does not change is still part of the hash");
    }

    @Test
    void aMalformedExpectedPlanIsBadInputNamingTheOptionBeforeAnyConnection() throws Exception {
        Path profile = Files.writeString(dir.resolve("p.json"), PROFILE);
        for (String bad : new String[] {"abc", "sha256:" + "0".repeat(64), "g".repeat(64)}) {
            // port 1 on loopback: were a connection attempted, the first line would report it instead
            int exit = run("deploy", "--host", "127.0.0.1", "--port", "1", "--user", "nobody", "--profile",
                    profile.toString(), "--expect-plan", bad);
            assertEquals(2, exit, err::toString);
            String firstLine = err.toString().lines().findFirst().orElse("");
            assertEquals("Invalid value for option '--expect-plan': '" + bad + "' is not a plan hash; use the 64 hex"
                    + " digits (SHA-256) printed by plan or deploy --dry-run", firstLine);
            assertFalse(err.toString().contains("Exception"), err::toString);
        }
    }
}
