package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.profile.Preset;

class PresetComparisonTest {

    private static PresetComparison.Row row(String prefix) {
        return PresetComparison.rows().stream().filter(r -> r.setting().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void everyValueComesFromThePresetItself() {
        int mandatory = PresetComparison.ORDER.indexOf(Preset.MANDATORY);
        assertEquals(Preset.MANDATORY.baseline().outbound().level().postfixName(),
                row("Outgoing mail").values().get(mandatory));
        assertEquals(Preset.MANDATORY.baseline().inbound().level().postfixName(),
                row("Incoming on port 25").values().get(mandatory));
    }

    @Test
    void theTableShowsWhereThePresetsDiffer() {
        assertTrue(row("Outgoing mail").differs(), "mandatory encrypts outgoing mail, the others do not");
        assertEquals(3, row("Oldest TLS version").values().size());
        assertEquals(List.of("Recommended (TLS_README)", "Runbook (hardening runbook)", "Mandatory (mandatory-TLS guide)"),
                PresetComparison.ORDER.stream().map(PresetComparison::title).toList());
    }
}
