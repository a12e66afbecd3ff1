package org.postfixtls.wizard.ui.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.domain.readiness.DestinationReadiness;
import org.postfixtls.wizard.domain.readiness.Proposal;
import org.postfixtls.wizard.domain.readiness.ReadinessReport;
import org.postfixtls.wizard.domain.readiness.Suggestion;
import org.postfixtls.wizard.domain.readiness.TlsGrade;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;

/** What the readiness panel on the Outbound step shows and what accepting its suggestions does; no JavaFX. */
public final class ReadinessChoices {

    private ReadinessChoices() {
    }

    /** The panel is about enforcing: shown for encrypt and every stricter level, not for none/may. */
    public static boolean shown(TlsLevel level) {
        return level != null && level != TlsLevel.NONE && level != TlsLevel.MAY;
    }

    /** A domain policy that makes TLS mandatory for its destination: mail there waits when the peer cannot. */
    public static boolean hasStrictPolicy(Profile profile) {
        return profile.policies().stream().anyMatch(p -> shown(p.level()));
    }

    public static Proposal proposal(Profile profile) {
        return new Proposal(profile.outbound().level(), profile.policies());
    }

    /** Where the evidence comes from, said before the user starts the check. */
    public static String sourceText(ConnectionMode mode) {
        if (mode == null) {
            return "Connect to a server, open local files or choose the demo first.";
        }
        return switch (mode) {
            case SSH_SERVER -> "Reads the server's mail log of the last 30 days (the journal, /var/log/mail.log or"
                    + " maillog_file) and tests the 20 busiest destinations live with posttls-finger from the"
                    + " server. Nothing on the server is changed.";
            case LOCAL_FILES -> "Choose a copy of the server's mail log (mail.log, maillog or journalctl -u"
                    + " 'postfix*' output). Without a server, destinations cannot be tested live.";
            case DEMO -> "Uses the demo server's mail log: two weeks of outbound mail to a dozen destinations.";
        };
    }

    /**
     * The policy table with the accepted entries: a destination already in the table gets the suggested level, a
     * new one is added at the end. The admin's other attributes (match, protocols) of a replaced entry go, since
     * they belonged to the old level.
     */
    public static Profile withSuggestions(Profile profile, List<Suggestion> accepted) {
        List<Profile.Policy> policies = new ArrayList<>(profile.policies());
        for (Suggestion s : accepted) {
            Profile.Policy entry = new Profile.Policy(s.destination(), s.level(), List.of(), null, null, null);
            int existing = indexOf(policies, s.destination());
            if (existing >= 0) {
                policies.set(existing, entry);
            } else {
                policies.add(entry);
            }
        }
        return ProfileEdits.withPolicies(profile, policies);
    }

    private static int indexOf(List<Profile.Policy> policies, String destination) {
        for (int i = 0; i < policies.size(); i++) {
            if (policies.get(i).destination().toLowerCase(Locale.ROOT).equals(destination)) {
                return i;
            }
        }
        return -1;
    }

    /** Entries that keep mail flowing are ticked at first; stronger ones are the admin's call. */
    public static boolean tickedAtFirst(Suggestion suggestion) {
        return suggestion.kind() == Suggestion.Kind.KEEPS_MAIL_FLOWING;
    }

    public static String verdictText(DestinationReadiness d) {
        return switch (d.verdict()) {
            case OK -> "Keeps flowing";
            case WOULD_FAIL -> "Would be deferred";
            case UNKNOWN -> "Not known";
        };
    }

    public static String tlsText(DestinationReadiness d) {
        return d.evidence().flatMap(e -> e.weakest().map(weakest -> {
            TlsGrade strongest = e.strongest().orElse(weakest);
            return weakest == strongest ? gradeText(weakest)
                    : "mixed: " + gradeText(weakest) + " to " + gradeText(strongest);
        })).orElse("—");
    }

    private static String gradeText(TlsGrade grade) {
        return switch (grade) {
            case NONE -> "none (plain text)";
            case ANONYMOUS -> "anonymous";
            case UNTRUSTED -> "untrusted certificate";
            case TRUSTED -> "trusted certificate";
            case VERIFIED -> "verified";
        };
    }

    public static String suggestionText(DestinationReadiness d) {
        return d.suggestion().map(s -> s.entry() + (s.kind() == Suggestion.Kind.STRONGER ? " (optional)" : ""))
                .orElse("");
    }

    public static String summary(ReadinessReport report) {
        if (report.destinations().isEmpty()) {
            return "The log shows no mail sent to other servers in this period, so nothing can be said yet.";
        }
        if (!report.anythingWouldFail()) {
            return "Nothing would be deferred: all " + report.messages() + " messages in the log went to servers"
                    + " that meet the level " + report.proposedLevel().postfixName() + ".";
        }
        return report.wouldFailDestinations() + (report.wouldFailDestinations() == 1 ? " destination" : " destinations")
                + " with " + report.wouldFailMessages() + " of " + report.messages() + " messages would be"
                + " deferred at " + report.proposedLevel().postfixName() + ". Add the ticked policy entries to keep"
                + " their mail flowing, or ask those partners to fix their TLS first.";
    }

    /** What the log read skipped, when anything. */
    public static String skippedText(ReadinessReport report) {
        long skipped = report.scan().malformedLines();
        return skipped == 0 ? "" : skipped + " unreadable log lines were skipped.";
    }
}
