package org.postfixtls.wizard.domain.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ProfileJsonTest {

    @Test
    void minimalProfileTakesRecommendedPreset() throws Exception {
        Profile profile = ProfileJson.read("{\"schema\":1}");
        assertEquals(Preset.RECOMMENDED, profile.preset());
        assertEquals(TlsLevel.MAY, profile.outbound().level());
        assertEquals(587, profile.submission().starttls().port());
        assertEquals(465, profile.submission().implicitTls().port());
    }

    @Test
    void presetSuppliesDefaultsAndFileOverridesSingleKeys() throws Exception {
        Profile profile = ProfileJson.read("{\"schema\":1,\"hardening\":{\"preset\":\"mandatory\"},"
                + "\"inbound\":{\"level\":\"may\"}}");
        assertEquals(TlsLevel.ENCRYPT, profile.outbound().level());
        assertEquals(TlsLevel.MAY, profile.inbound().level());
        assertEquals("TLSv1.2", profile.hardening().protocolFloor());
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void writeThenReadGivesTheSameProfile(Preset preset) throws Exception {
        Profile original = new Profile(1, preset, new Profile.Certificate("/etc/letsencrypt/live/mx/fullchain.pem",
                "/etc/letsencrypt/live/mx/privkey.pem", "/etc/ssl/certs/ca-certificates.crt"),
                preset.baseline().outbound(), preset.baseline().inbound(), preset.baseline().submission(),
                preset.baseline().hardening(), preset.baseline().sessionCache(), preset.baseline().logging(),
                List.of(new Profile.Policy("partner-bank.com", TlsLevel.VERIFY, List.of("hostname"), null, null, null),
                        new Profile.Policy("[mx.legacy.org]:2525", TlsLevel.ENCRYPT, List.of(), ">=TLSv1.2", "high", "RC4")),
                new Profile.MtaSts("example.com", List.of("mail.example.com"), "enforce", 604800, "tlsrpt@example.com"));
        assertEquals(original, ProfileJson.read(ProfileJson.write(original)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"schema\":1,\"outbound\":{\"level\":\"sometimes\"}}|outbound.level",
        "{\"schema\":1,\"inbound\":{\"level\":\"verify\"}}|inbound.level",
        "{\"schema\":1,\"policies\":[{\"destination\":\"a.com\",\"level\":\"may\"},{\"destination\":\"a.com\",\"level\":\"may\"},{\"destination\":\"bad domain\",\"level\":\"may\"}]}|policies[2].destination",
        "{\"schema\":1,\"policies\":[{\"destination\":\"[mx.a.com]:99999\",\"level\":\"encrypt\"}]}|policies[0].destination",
        "{\"schema\":1,\"policies\":[{\"destination\":\"*\",\"level\":\"encrypt\"}]}|policies[0].destination",
        "{\"schema\":1,\"policies\":[{\"destination\":\"a.com\",\"level\":\"encrypt\",\"match\":[\"hostname\"]}]}|policies[0].match",
        "{\"schema\":1,\"submission\":{\"starttls\":{\"port\":70000}}}|submission.starttls.port",
        "{\"schema\":1,\"submission\":{\"implicitTls\":{\"port\":0}}}|submission.implicitTls.port",
        "{\"schema\":1,\"certificate\":{\"chainFile\":\"/etc/x;rm -rf /\",\"keyFile\":\"/k\"}}|certificate.chainFile",
        "{\"schema\":1,\"certificate\":{\"caFile\":\"/etc/$(id)\"}}|certificate.caFile",
        "{\"schema\":1,\"outbound\":{\"levle\":\"may\"}}|outbound.levle",
        "{\"schema\":1,\"colour\":\"blue\"}|colour",
        "{\"schema\":2}|schema",
        "{}|schema",
        "{\"schema\":1,\"hardening\":{\"preset\":\"paranoid\"}}|hardening.preset",
        "{\"schema\":1,\"hardening\":{\"pqKeyExchange\":\"yes\"}}|hardening.pqKeyExchange",
        "{\"schema\":1,\"mtaSts\":{\"domain\":\"example.com\",\"mx\":[],\"mode\":\"enforce\"}}|mtaSts.mx",
        "{\"schema\":1,\"logging\":{\"smtpLoglevel\":9}}|logging.smtpLoglevel",
        "[1]|$",
        "{\"schema\":1,|$"
    })
    void invalidProfilesNameTheJsonPath(String json, String path) {
        InvalidProfileException e = assertThrows(InvalidProfileException.class, () -> ProfileJson.read(json));
        assertTrue(e.errors().stream().anyMatch(err -> err.path().equals(path)), () -> e.getMessage());
    }

    @Test
    void fingerprintAsTheOutboundDefaultIsRefusedWithWhereItBelongs() {
        InvalidProfileException e = assertThrows(InvalidProfileException.class, () -> ProfileJson.read(
                "{\"schema\":1,\"outbound\":{\"level\":\"fingerprint\"}}"));
        assertEquals(List.of(new ProfileError("outbound.level", "is 'fingerprint'; allowed: may, dane, encrypt,"
                + " dane-only, verify, secure, none (fingerprint pins one server's certificate: use it in a domain"
                + " policy)")), e.errors());
    }

    @Test
    void theValidatorRefusesLevelsTheReaderWouldRefuse() {
        Profile profile = ProfileEdits.withInbound(ProfileEdits.withOutbound(Preset.RECOMMENDED.baseline(),
                new Profile.Outbound(TlsLevel.FINGERPRINT, false)), new Profile.Inbound(TlsLevel.DANE, true));
        assertEquals(List.of("outbound.level", "inbound.level"),
                ProfileValidator.validate(profile).stream().map(ProfileError::path).toList());
    }

    @Test
    void starDestinationMessageExplainsWhy() {
        InvalidProfileException e = assertThrows(InvalidProfileException.class, () -> ProfileJson.read(
                "{\"schema\":1,\"policies\":[{\"destination\":\"*\",\"level\":\"encrypt\"}]}"));
        assertTrue(e.getMessage().contains("never looked up"), e.getMessage());
    }

    @Test
    void postQuantumKeyExchangeIsReadWrittenOnlyWhenChosenAndOffByDefault() throws Exception {
        Profile plain = ProfileJson.read("{\"schema\":1}");
        assertFalse(plain.hardening().pqKeyExchange(), "no preset turns it on: it needs Postfix 3.10 and OpenSSL 3.5");
        assertFalse(ProfileJson.write(plain).contains("pqKeyExchange"), "profiles without it stay as they were");
        Profile chosen = ProfileJson.read("{\"schema\":1,\"hardening\":{\"preset\":\"mandatory\","
                + "\"pqKeyExchange\":true}}");
        assertTrue(chosen.hardening().pqKeyExchange());
        assertEquals("high", chosen.hardening().opportunisticCiphers(), "the preset still supplies the rest");
        assertEquals(chosen, ProfileJson.read(ProfileJson.write(chosen)));
        assertTrue(ProfileValidator.validate(chosen).isEmpty());
    }
}
