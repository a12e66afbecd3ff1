package org.postfixtls.wizard.app.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.config.plan.Change;
import org.postfixtls.wizard.domain.config.plan.Planner;

class ProfilePartTest {

    private static Change change(String file, String subject) {
        return new Change(file, subject, null, "x", "why", "source", null);
    }

    @Test
    void everyChangeBelongsToThePartWhoseSettingItWrites() {
        assertEquals(ProfilePart.OUTBOUND, ProfilePart.of(change(Planner.MAIN_CF, "smtp_tls_security_level")));
        assertEquals(ProfilePart.INBOUND, ProfilePart.of(change(Planner.MAIN_CF, "smtpd_tls_auth_only")));
        assertEquals(ProfilePart.CERTIFICATE, ProfilePart.of(change(Planner.MAIN_CF, "smtpd_tls_cert_file")));
        assertEquals(ProfilePart.CERTIFICATE, ProfilePart.of(change(Planner.MAIN_CF,
                "smtpd_tls_chain_files (earlier duplicate)")));
        assertEquals(ProfilePart.HARDENING, ProfilePart.of(change(Planner.MAIN_CF, "smtpd_tls_mandatory_protocols")));
        assertEquals(ProfilePart.POLICIES, ProfilePart.of(change(Planner.MAIN_CF, "smtp_tls_policy_maps")));
        assertEquals(ProfilePart.POLICIES, ProfilePart.of(change(Planner.TLS_POLICY, "example.net")));
        assertEquals(ProfilePart.SUBMISSION, ProfilePart.of(change(Planner.MASTER_CF, "service submission/inet")));
        assertEquals(ProfilePart.INBOUND, ProfilePart.of(change(Planner.MASTER_CF,
                "service smtp/inet -o smtpd_tls_security_level=encrypt")));
        assertEquals(ProfilePart.SUBMISSION, ProfilePart.of(change(Planner.MASTER_CF,
                "service submission/inet -o smtpd_relay_restrictions")));
        assertEquals(ProfilePart.HARDENING, ProfilePart.of(change(Planner.MASTER_CF,
                "service submission/inet -o smtpd_tls_mandatory_ciphers")));
        // the old ECDSA/DSA certificate a single chosen certificate removes goes with --tags certificate
        for (String parameter : List.of("smtpd_tls_eccert_file", "smtpd_tls_eckey_file", "smtpd_tls_dcert_file",
                "smtpd_tls_dkey_file")) {
            assertEquals(ProfilePart.CERTIFICATE, ProfilePart.of(change(Planner.MAIN_CF, parameter)), parameter);
            assertEquals(ProfilePart.CERTIFICATE, ProfilePart.of(change(Planner.MASTER_CF,
                    "service submission/inet -o " + parameter)), parameter);
        }
    }

    @Test
    void theRunsTagsSelectTheParts() {
        assertEquals(EnumSet.allOf(ProfilePart.class), ProfilePart.selected(List.of("all"), List.of()));
        assertEquals(EnumSet.of(ProfilePart.OUTBOUND, ProfilePart.POLICIES),
                ProfilePart.selected(List.of("outbound", "policies"), List.of()));
        assertEquals(EnumSet.complementOf(EnumSet.of(ProfilePart.POLICIES)),
                ProfilePart.selected(List.of("all"), List.of("policies")));
    }
}
