package org.postfixtls.wizard.ui.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.postfixtls.wizard.app.deploy.DeployOptions;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.config.plan.Change;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.verify.Check;
import org.postfixtls.wizard.domain.verify.CheckStatus;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;

/**
 * The last step's text: what changed, where the backup is, how to undo it, what the verification proved and what is
 * left to do. FX-free so that every case is tested without a window.
 */
final class SummaryChoices {

    /** One block of the summary. */
    record Section(String id, String title, List<String> lines) {
        Section {
            lines = List.copyOf(lines);
        }
    }

    /** What the summary is made of; all but the mode may be null. */
    record Facts(ConnectionMode mode, ServerFiles server, Profile profile, ChangeSet plan, DeployReport deploy,
            VerificationReport verification, String host, String user) {
    }

    private SummaryChoices() {
    }

    static List<Section> sections(Facts facts) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("summary-changes", "What changed", changes(facts)));
        if (facts.mode() == ConnectionMode.SSH_SERVER && facts.deploy() != null && facts.deploy().deployId() != null
                && facts.deploy().outcome().succeeded()) {
            sections.add(new Section("summary-rollback", "Backup and rollback", rollback(facts)));
        }
        sections.add(new Section("summary-verification", "What the verification proved", verification(facts)));
        sections.add(new Section("summary-next", "What to do next", next(facts)));
        return sections;
    }

    private static List<String> changes(Facts facts) {
        int count = facts.plan() == null ? 0 : facts.plan().changes().size();
        String perFile = facts.plan() == null ? "" : perFile(facts.plan().changes());
        return switch (facts.mode()) {
            case DEMO -> List.of("Demo server: nothing was deployed. The Preview showed " + count + " change"
                    + plural(count) + perFile + " that the same choices would make on a Debian server like it.");
            case LOCAL_FILES -> List.of("The export bundle holds " + count + " change" + plural(count) + perFile
                    + ". Copy it to the server and run install.sh there as root: it runs the same transaction"
                    + " (validation with the server's own Postfix, atomic swap, reload, automatic rollback).");
            case SSH_SERVER -> deployed(facts, count, perFile);
        };
    }

    private static List<String> deployed(Facts facts, int count, String perFile) {
        DeployReport deploy = facts.deploy();
        if (deploy == null) {
            return List.of("Nothing was deployed yet: the Deploy step applies the " + count + " previewed change"
                    + plural(count) + perFile + ".");
        }
        return switch (deploy.outcome()) {
            case DEPLOYED -> List.of("Deployed to " + facts.host() + " as deploy " + deploy.deployId() + ": " + count
                    + " change" + plural(count) + perFile + "; Postfix was reloaded and passed its health check.");
            case WRITTEN -> List.of("Written to " + facts.host() + " as deploy " + deploy.deployId() + ", not applied"
                    + " yet: " + deploy.message());
            case NO_CHANGES -> List.of("The server already matched your choices: nothing was written, Postfix was not"
                    + " reloaded.");
            case DRY_RUN -> List.of("Dry run only: nothing was written.");
            case ROLLED_BACK -> List.of("The deploy failed and was rolled back automatically; the server runs its"
                    + " previous configuration. " + deploy.message());
            case ROLLBACK_FAILED -> List.of("The deploy failed and restoring the backup failed too. The server needs"
                    + " your attention: " + deploy.message());
            case CONNECTION_LOST -> List.of("The connection was lost during the deploy; the server finishes it alone."
                    + " Open the Deploy step's history to see how it ended.");
            case REFUSED, CANCELLED -> List.of("Nothing changed on the server: " + deploy.message());
            case PLAN_CHANGED -> List.of("Nothing changed on the server: its files or your choices changed after you"
                    + " approved the Preview. The Deploy step shows the new diff for approval.");
        };
    }

    private static List<String> rollback(Facts facts) {
        String configDir = facts.server() == null || facts.server().configDirectory() == null ? "/etc/postfix"
                : facts.server().configDirectory();
        String backup = new DeployOptions(null, null, "summary").instanceDirectory(configDir) + "/deploys/" + facts.deploy().deployId()
                + "/backup/";
        return List.of("The files as they were before this deploy are kept on the server in " + backup
                        + " (content, owner and mode).",
                "To undo it: Roll back on the Deploy step, or from a terminal: postfix-tls-wizard rollback --host "
                        + facts.host() + " --user " + facts.user() + " --to " + facts.deploy().deployId()
                        + (facts.user() != null && !"root".equals(facts.user()) ? " --sudo" : ""));
    }

    private static List<String> verification(Facts facts) {
        VerificationReport report = facts.verification();
        if (report == null) {
            return List.of(facts.mode() == ConnectionMode.LOCAL_FILES
                    ? "Not verified yet: after installing the bundle, run postfix-tls-wizard verify --host <server>."
                    : "Not verified: the Verify step proves STARTTLS, protocols, ciphers, the certificate and AUTH"
                            + " only after TLS on the live server.");
        }
        List<Check> checks = report.checklist();
        long passed = checks.stream().filter(c -> c.status() == CheckStatus.PASS).count();
        List<Check> failed = checks.stream().filter(c -> c.status() == CheckStatus.FAIL).toList();
        List<String> lines = new ArrayList<>();
        lines.add(report.host() + ": " + passed + " of " + checks.size() + " items of the \"Done\" checklist passed, "
                + failed.size() + " failed. Save the report (HTML, Markdown or JSON) on the Verify step as evidence.");
        failed.stream().limit(3).forEach(check -> lines.add("Failed: " + check.detail()
                + check.fix().map(fix -> " — fix: " + fix).orElse("")));
        return lines;
    }

    private static List<String> next(Facts facts) {
        List<String> lines = new ArrayList<>();
        Profile profile = facts.profile();
        if (profile != null && profile.mtaSts() != null && !profile.mtaSts().domain().isEmpty()) {
            lines.add("Publish the DNS records of the DNS records step (TLSA, MTA-STS, TLS-RPT) and serve the MTA-STS"
                    + " policy file at https://mta-sts." + profile.mtaSts().domain() + "/.well-known/mta-sts.txt.");
        }
        if (profile != null && profile.certificate().chainFile() != null
                && profile.certificate().chainFile().startsWith("/etc/letsencrypt/")) {
            lines.add("Install the certbot renewal hook (Certificate step) so Postfix reloads after every renewal.");
        }
        if (profile != null && profile.outbound().level().mandatory()) {
            lines.add("Watch the queue for mail deferred with \"TLS is required, but was not offered\" (postqueue -p)"
                    + " and add a policy entry for partners that cannot meet the level.");
        }
        lines.add("Save the profile (Ctrl+S) to apply the same choices to other servers: postfix-tls-wizard deploy"
                + " --profile FILE, or postfix-tls-wizard plan for a preview.");
        return lines;
    }

    private static String perFile(List<Change> changes) {
        Map<String, Integer> counts = new TreeMap<>();
        changes.forEach(change -> counts.merge(change.file(), 1, Integer::sum));
        if (counts.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((file, n) -> parts.add(n + " in " + file));
        return " (" + String.join(", ", parts) + ")";
    }

    private static String plural(int count) {
        return count == 1 ? "" : "s";
    }
}
