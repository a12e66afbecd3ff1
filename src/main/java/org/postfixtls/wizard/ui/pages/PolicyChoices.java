package org.postfixtls.wizard.ui.pages;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.config.policy.PolicyDestination;
import org.postfixtls.wizard.domain.config.policy.PolicyMap;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.profile.ProfileValidator;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.domain.verify.OutboundProbe;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.ScreenFieldNames;

/**
 * The decisions of the Domain policies step, without the table: how a row's cells become a policy, the inline
 * problem under the table, the server's existing entries (with the {@code *} line explained), and when
 * "Test this domain" can run and what its answer means.
 */
final class PolicyChoices {

    /** A new row asks for verified TLS: the usual reason to add an exception is a partner that must get it. */
    static final TlsLevel NEW_ROW_LEVEL = TlsLevel.VERIFY;

    /** The answer of a test from the server; {@code ok} when the destination meets the level today. */
    record TestVerdict(String text, boolean ok) {
    }

    private PolicyChoices() {
    }

    /**
     * One row's cells as a policy entry. Blank cells are absent attributes; match items may be separated by
     * colons, commas or spaces, as users paste them — except fingerprints, which contain colons themselves and are
     * separated by "|" (as tls_policy writes them), commas or spaces.
     */
    static Profile.Policy policyOf(String destination, TlsLevel level, String match, String protocols, String ciphers,
            String exclude) {
        String separators = level == TlsLevel.FINGERPRINT ? "[|\\s,]+" : "[:\\s,]+";
        List<String> matches = Arrays.stream(match.split(separators)).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        return new Profile.Policy(destination.trim(), level, matches, blankToNull(protocols), blankToNull(ciphers),
                blankToNull(exclude));
    }

    /** A match list as the Match cell shows it, as in the tls_policy file: fingerprints "|"-separated, names by ":". */
    static String matchText(Profile.Policy policy) {
        return String.join(policy.level() == TlsLevel.FINGERPRINT ? "|" : ":", policy.match());
    }

    /** An absent attribute shows as an empty cell. */
    static String cellText(String attribute) {
        return attribute == null ? "" : attribute;
    }

    /** The table replaces the profile's list as a whole. */
    static Profile edit(Profile profile, List<Profile.Policy> policies) {
        return policies.equals(profile.policies()) ? profile : ProfileEdits.withPolicies(profile, policies);
    }

    /** The first problem in the table, in the screen's words ("Domain policies, row 1, Destination: ..."). */
    static Optional<String> firstProblem(Profile profile) {
        return ProfileValidator.validate(profile).stream().filter(e -> e.path().startsWith("policies"))
                .findFirst().map(ScreenFieldNames::describe);
    }

    /**
     * The server's current table: kept as it is unless a row names the same destination. A {@code *} line is
     * marked, because Postfix never looks it up and the plan removes it. Empty when there is nothing to show.
     */
    static String existingEntries(ServerFiles server) {
        if (server == null || server.policyMap() == null) {
            return "";
        }
        PolicyMap map = PolicyMap.parse(server.policyMap());
        if (map.destinations().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("Already in the server's tls_policy (kept unless you add the same "
                + "destination below):");
        for (String destination : map.destinations()) {
            text.append("\n    ").append(destination).append("  ").append(map.get(destination).orElse(""));
            if (PolicyDestination.WILDCARD.equals(destination)) {
                text.append("   ← never looked up by Postfix; will be removed");
            }
        }
        return text.toString();
    }

    /** posttls-finger runs on the server: it needs a selected row, an SSH connection and no test already running. */
    static boolean canTest(boolean rowSelected, ConnectionMode mode, boolean testing) {
        return whyNoTest(rowSelected, mode, testing).isEmpty();
    }

    /** Shown beside the disabled button: a disabled button shows no tooltip, so the reason must be on the page. */
    static Optional<String> whyNoTest(boolean rowSelected, ConnectionMode mode, boolean testing) {
        if (mode != ConnectionMode.SSH_SERVER) {
            return Optional.of("Testing runs posttls-finger on the server: it needs a server connected over SSH"
                    + " (Connect step). With local files or the demo there is no server to test from.");
        }
        if (testing) {
            return Optional.of("A test is running…");
        }
        if (!rowSelected) {
            return Optional.of("Select a destination in the table to test it.");
        }
        return Optional.empty();
    }

    /** Why the row cannot be tested (no valid destination to connect to), or empty when it can. */
    static Optional<String> untestable(Profile.Policy policy) {
        String destination = policy.destination();
        return destination.isEmpty() || PolicyDestination.problem(destination).isPresent()
                ? Optional.of("Destination: enter a domain or [host]:port to test.")
                : Optional.empty();
    }

    /** What a test found, and whether enforcing the level now would keep mail in the queue. */
    static TestVerdict verdict(OutboundProbe probe) {
        String destination = probe.destination();
        String level = probe.level();
        boolean ok = probe.satisfiesLevel();
        return new TestVerdict(destination + ": " + probe.trust().map(t -> t.label()).orElse("no connection")
                + probe.protocol().map(p -> ", " + p).orElse("") + probe.cipher().map(c -> ", " + c).orElse("")
                + (ok ? " — meets '" + level + "'; safe to enforce." : " — does NOT meet '" + level
                        + "': enforcing it now would keep mail to " + destination + " in the queue."), ok);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
