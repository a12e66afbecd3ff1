package org.postfixtls.wizard.ui.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;

/**
 * The three presets side by side, read from the presets themselves (never typed twice), so a trainer can show what
 * each one changes before choosing.
 */
final class PresetComparison {

    static final List<Preset> ORDER = List.of(Preset.RECOMMENDED, Preset.RUNBOOK, Preset.MANDATORY);

    /** One line of the table: what is compared and each preset's value, in {@link #ORDER}. */
    record Row(String setting, List<String> values) {
        Row {
            values = List.copyOf(values);
        }

        boolean differs() {
            return values.stream().distinct().count() > 1;
        }
    }

    private PresetComparison() {
    }

    static String title(Preset preset) {
        return switch (preset) {
            case RECOMMENDED -> "Recommended (TLS_README)";
            case RUNBOOK -> "Runbook (hardening runbook)";
            case MANDATORY -> "Mandatory (mandatory-TLS guide)";
        };
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("Outgoing mail (smtp_tls_security_level)", p -> p.outbound().level().postfixName()));
        rows.add(row("Incoming on port 25 (smtpd_tls_security_level)", p -> p.inbound().level().postfixName()));
        rows.add(row("AUTH only after STARTTLS", p -> p.inbound().authOnly() ? "yes" : "no"));
        rows.add(row("Submission 587 (STARTTLS required)", p -> listener(p.submission().starttls())));
        rows.add(row("Submissions 465 (implicit TLS)", p -> listener(p.submission().implicitTls())));
        rows.add(row("Oldest TLS version where TLS is mandatory", p -> orDefault(p.hardening().protocolFloor())));
        rows.add(row("Same floor for opportunistic TLS", p -> p.hardening().floorOnOpportunistic() ? "yes" : "no"));
        rows.add(row("Mandatory cipher grade", p -> orDefault(p.hardening().mandatoryCiphers())));
        rows.add(row("Opportunistic cipher grade", p -> orDefault(p.hardening().opportunisticCiphers())));
        rows.add(row("Excluded ciphers", p -> p.hardening().excludeCiphers().isEmpty() ? "none"
                : String.join(", ", p.hardening().excludeCiphers())));
        rows.add(row("Also hardens outgoing connections", p -> p.hardening().clientSide() ? "yes" : "no"));
        rows.add(row("TLS session cache", p -> p.sessionCache().enabled() ? "on" : "off"));
        return rows;
    }

    private static Row row(String setting, Function<Profile, String> value) {
        return new Row(setting, ORDER.stream().map(preset -> value.apply(preset.baseline())).toList());
    }

    private static String listener(Profile.Listener listener) {
        return listener.enabled() ? "on, port " + listener.port() : "off";
    }

    private static String orDefault(String value) {
        return value == null ? "Postfix's default" : value;
    }
}
