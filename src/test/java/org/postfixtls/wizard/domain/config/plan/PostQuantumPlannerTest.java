package org.postfixtls.wizard.domain.config.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;

/**
 * The post-quantum option on every Postfix/OpenSSL combination (decision 0067; RELEASE_NOTES-3.11 [Feature
 * 20251102], postconf(5) tls_eecdh_auto_curves): written on 3.10 with OpenSSL 3.5, left to the default on 3.11,
 * refused with what it needs everywhere else.
 */
class PostQuantumPlannerTest {

    private static final String MAIN = "myhostname = mx.example.com\n";
    private static final String MASTER = "smtp      inet  n       -       y       -       -       smtpd\n";

    static TlsRuntime openssl(String version) {
        return new TlsRuntime(OpensslVersion.parse(version).orElseThrow(), "openssl version",
                TlsRuntime.Support.UNKNOWN, null);
    }

    static Profile pq(boolean enabled) {
        Profile base = PlannerTest.withCertificate(Preset.RECOMMENDED, List.of());
        return ProfileEdits.withHardening(base, base.hardening().withPqKeyExchange(enabled));
    }

    static ChangeSet plan(String main, String postfix, TlsRuntime runtime) {
        return Planner.plan(PlanRequest.of(main, MASTER, pq(true), PostfixVersion.parse(postfix).orElseThrow())
                .withRuntime(runtime));
    }

    static Optional<String> curves(ChangeSet set) {
        return MainCf.parse(set.content(Planner.MAIN_CF)).get(PostQuantum.PARAMETER);
    }

    @Test
    void postfix310WithOpenssl35PutsTheHybridGroupInFrontOfTheDefaultList() {
        ChangeSet set = plan(MAIN, "3.10", openssl("3.5.1"));
        assertEquals(Optional.of("X25519MLKEM768 X25519 X448 prime256v1 secp384r1 secp521r1"), curves(set));
        Change change = set.changes().stream().filter(c -> c.subject().equals(PostQuantum.PARAMETER)).findFirst()
                .orElseThrow();
        assertTrue(change.reason().contains("default list"), change.reason());
        assertTrue(change.risk().contains("1.2 kB") && change.risk().contains("?X25519MLKEM768:DEFAULT"),
                change.risk());
    }

    @Test
    void theAdminsOwnGroupsFollowInTheirOrderAndTheReasonNamesThem() {
        ChangeSet set = plan(MAIN + "tls_eecdh_auto_curves = prime256v1, X25519 x25519mlkem768\n", "3.10",
                openssl("3.5.4"));
        assertEquals(Optional.of("X25519MLKEM768 prime256v1 X25519"), curves(set));
        Change change = set.changes().stream().filter(c -> c.subject().equals(PostQuantum.PARAMETER)).findFirst()
                .orElseThrow();
        assertEquals("prime256v1, X25519 x25519mlkem768", change.before());
        assertTrue(change.reason().contains("Your groups (prime256v1, X25519 x25519mlkem768) follow"), change.reason());
    }

    @Test
    void aListThatAlreadyStartsWithTheGroupIsKept() {
        String main = MAIN + "tls_eecdh_auto_curves = ?X25519MLKEM768 X25519 prime256v1\n";
        ChangeSet set = plan(main, "3.10", openssl("3.5.1"));
        assertTrue(set.changes().stream().noneMatch(c -> c.subject().equals(PostQuantum.PARAMETER)));
        assertEquals(Optional.of("?X25519MLKEM768 X25519 prime256v1"), curves(set));
    }

    @Test
    void postfix311WithOpenssl35PlansNothingBecauseTheDefaultAlreadyOffersIt() {
        ChangeSet set = plan(MAIN, "3.11", openssl("3.5.0"));
        assertEquals(Optional.empty(), curves(set));
        assertTrue(set.notes().stream().anyMatch(n -> n.contains("already offers it by default")
                && n.contains("?X25519MLKEM768:DEFAULT") && n.contains("leaves tls_eecdh_auto_curves unset")),
                () -> set.notes().toString());
    }

    @Test
    void postfix311WithTheAdminsOwnListGetsTheGroupInFront() {
        ChangeSet set = plan(MAIN + "tls_eecdh_auto_curves = X25519 prime256v1\n", "3.11", openssl("3.6.0"));
        assertEquals(Optional.of("X25519MLKEM768 X25519 prime256v1"), curves(set));
    }

    @Test
    void anEmptyListOn310DelegatesToOpensslWhoseDefaultAlreadyPrefersIt() {
        String main = MAIN + "tls_eecdh_auto_curves =\ntls_ffdhe_auto_groups =\n";
        ChangeSet set = plan(main, "3.10", openssl("3.5.1"));
        assertEquals(Optional.of(""), curves(set));
        assertTrue(set.notes().stream().anyMatch(n -> n.startsWith("Kept tls_eecdh_auto_curves empty")));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("3.5", openssl("1.1.1n"), "this server has Postfix 3.5"),
                Arguments.of("3.7", openssl("3.0.17"), "this server has Postfix 3.7"),
                Arguments.of("3.9", openssl("3.5.1"), "this server has Postfix 3.9"),
                Arguments.of("3.10", openssl("3.0.17"), "uses OpenSSL 3.0.17"),
                Arguments.of("3.10", openssl("3.4.1"), "uses OpenSSL 3.4.1"),
                Arguments.of("3.11", openssl("3.2.0"), "uses OpenSSL 3.2.0"),
                Arguments.of("3.10", new TlsRuntime(OpensslVersion.majorOnly(3), "libssl.so.3",
                        TlsRuntime.Support.UNKNOWN, null), "uses OpenSSL 3.x"),
                Arguments.of("3.10", TlsRuntime.UNKNOWN, "OpenSSL release of this server is unknown"),
                Arguments.of("3.11", TlsRuntime.UNKNOWN, "OpenSSL release of this server is unknown"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void whereTheServerCannotTheOptionIsRefusedWithWhatItNeeds(String postfix, TlsRuntime runtime, String why) {
        ChangeSet set = plan(MAIN + "tls_eecdh_auto_curves = X25519 prime256v1\n", postfix, runtime);
        assertEquals(Optional.of("X25519 prime256v1"), curves(set), "the admin's list stays as it was");
        assertTrue(set.changes().stream().noneMatch(c -> c.subject().equals(PostQuantum.PARAMETER)));
        assertTrue(set.notes().stream().anyMatch(n -> n.startsWith("Post-quantum hybrid key exchange is not applied")
                && n.contains(PostQuantum.NEEDS) && n.contains(why)), () -> set.notes().toString());
    }

    @Test
    void switchedOffItNeverTouchesTheGroups() {
        String main = MAIN + "tls_eecdh_auto_curves = X25519MLKEM768 X25519\n";
        ChangeSet set = Planner.plan(PlanRequest.of(main, MASTER, pq(false), PostfixVersion.V3_10)
                .withRuntime(openssl("3.5.1")));
        assertEquals(Optional.of("X25519MLKEM768 X25519"), curves(set));
        assertTrue(set.changes().stream().noneMatch(c -> c.subject().equals(PostQuantum.PARAMETER)));
    }

    @Test
    void planningThePlannedFilesAgainChangesNothing() {
        for (String main : List.of(MAIN, MAIN + "tls_eecdh_auto_curves = secp384r1\n")) {
            ChangeSet first = plan(main, "3.10", openssl("3.5.1"));
            ChangeSet second = Planner.plan(PlanRequest.of(first.content(Planner.MAIN_CF),
                    first.content(Planner.MASTER_CF), pq(true), PostfixVersion.V3_10).withRuntime(openssl("3.5.1")));
            assertTrue(second.changes().isEmpty(), () -> second.changes().toString());
        }
    }

    @Test
    void availabilityNamesTheSupportOfEachCombination() {
        assertEquals(PostQuantum.Support.WRITE_LIST,
                PostQuantum.availability(PostfixVersion.V3_10, openssl("3.5.1")).support());
        assertEquals(PostQuantum.Support.DEFAULT,
                PostQuantum.availability(PostfixVersion.V3_11, openssl("3.5.1")).support());
        assertFalse(PostQuantum.availability(new PostfixVersion(3, 7), openssl("3.5.1")).usable());
        assertFalse(PostQuantum.availability(null, openssl("3.5.1")).usable());
        assertTrue(PostQuantum.names("?x25519mlkem768:DEFAULT"));
        assertFalse(PostQuantum.names("X25519 prime256v1"));
    }
}
