package org.postfixtls.wizard.ui.pages;

import java.util.Arrays;
import java.util.List;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.config.plan.PostQuantum;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;

/**
 * The decisions of the Hardening step, without the view: the preset buttons, what the controls write into the
 * profile, and which controls apply (the port-25 floor needs a floor; the EECDH grade only Postfix before 3.6).
 */
final class HardeningChoices {

    /** The choice that stands for null in the profile: keep Postfix's default (or what the server has). */
    static final String POSTFIX_DEFAULT = "Postfix default";
    static final List<String> FLOORS = List.of(POSTFIX_DEFAULT, "TLSv1.2", "TLSv1.3");
    static final List<String> CIPHER_GRADES = List.of(POSTFIX_DEFAULT, "high", "medium");
    static final List<String> EECDH_GRADES = List.of(POSTFIX_DEFAULT, "auto", "strong", "ultra");

    /**
     * What the step's controls hold, as they hold it: {@link #POSTFIX_DEFAULT} for null, the exclusions as typed.
     */
    record Form(String floor, boolean floorOnPort25, String mandatoryCiphers, String opportunisticCiphers,
            String exclude, String eecdh, boolean sessionCache, boolean postQuantum) {

        /** Without post-quantum key exchange. */
        Form(String floor, boolean floorOnPort25, String mandatoryCiphers, String opportunisticCiphers,
                String exclude, String eecdh, boolean sessionCache) {
            this(floor, floorOnPort25, mandatoryCiphers, opportunisticCiphers, exclude, eecdh, sessionCache, false);
        }

        /** The controls for a profile. */
        static Form of(Profile profile) {
            Profile.Hardening h = profile.hardening();
            return new Form(shown(h.protocolFloor()), h.floorOnOpportunistic(), shown(h.mandatoryCiphers()),
                    shown(h.opportunisticCiphers()), String.join(", ", h.excludeCiphers()), shown(h.eecdhGrade()),
                    profile.sessionCache().enabled(), h.pqKeyExchange());
        }
    }

    /** The post-quantum box: whether the server can use it, and the line under it that says why or what it needs. */
    record PostQuantumChoice(boolean enabled, String reason) {
    }

    /** What the box says under it: the trade-off for every admin, then what this server can do. */
    static final String PQ_HELP = "Hybrid ML-KEM-768 + X25519 (X25519MLKEM768) protects today's sessions against"
            + " decryption by a future quantum computer. Trade-off: its key share is about 1.2 kB, so a ClientHello"
            + " carrying it exceeds one TCP segment, which some middleboxes and old servers mishandle. Postfix 3.11"
            + " offers it as ?X25519MLKEM768:DEFAULT: the ? skips the name where OpenSSL lacks it, and the large"
            + " share is sent only when a server asks for it.";

    /** The EECDH grade box: whether it applies to the server's Postfix, and the line beside it that says why. */
    record Eecdh(boolean enabled, String reason) {
    }

    private HardeningChoices() {
    }

    /**
     * A preset button: every TLS choice of the preset; certificate, domain policies, MTA-STS data and the
     * post-quantum opt-in (which no preset makes) stay.
     */
    static Profile applyPreset(Profile profile, Preset preset) {
        return ProfileEdits.withPreset(profile, preset);
    }

    /** "Current: Recommended preset", with ", with your changes" once anything differs from the preset. */
    static String presetLabel(Profile profile) {
        boolean pristine = applyPreset(profile, profile.preset()).equals(profile)
                && !profile.hardening().pqKeyExchange();
        return "Current: " + title(profile.preset()) + " preset" + (pristine ? "" : ", with your changes");
    }

    static String title(Preset preset) {
        return switch (preset) {
            case RUNBOOK -> "Runbook";
            case MANDATORY -> "Mandatory";
            case RECOMMENDED -> "Recommended";
        };
    }

    /**
     * The controls written into the profile. The port-25 floor is dropped when there is no floor; client-side
     * ciphers, server cipher preference and the session cache timeout are not on this page and stay as they are.
     */
    static Profile edit(Profile profile, Form form) {
        Profile.Hardening h = profile.hardening();
        String floor = valueOf(form.floor());
        Profile.Hardening wanted = new Profile.Hardening(floor, floor != null && form.floorOnPort25(),
                valueOf(form.mandatoryCiphers()), valueOf(form.opportunisticCiphers()), excludeList(form.exclude()),
                h.clientSide(), valueOf(form.eecdh()), h.preferServerCiphers(), form.postQuantum());
        Profile edited = ProfileEdits.withHardening(profile, wanted);
        if (form.sessionCache() != profile.sessionCache().enabled()) {
            edited = ProfileEdits.withSessionCache(edited,
                    new Profile.SessionCache(form.sessionCache(), profile.sessionCache().timeoutSeconds()));
        }
        return edited.equals(profile) ? profile : edited;
    }

    /** "Apply the floor to port 25 too" means nothing while Postfix's default floor is kept. */
    static boolean floorOnPort25Applies(Profile.Hardening hardening) {
        return hardening.protocolFloor() != null;
    }

    /** The warning that a floor on opportunistic TLS sends old peers to plaintext, shown while that is chosen. */
    static boolean floorWarningShown(Profile.Hardening hardening) {
        return hardening.floorOnOpportunistic() && hardening.protocolFloor() != null;
    }

    /**
     * Post-quantum key exchange needs Postfix 3.10 or later with OpenSSL 3.5 or later (decision 0067); on 3.11 with
     * OpenSSL 3.5 the default already offers it. Without a server, or with an unknown OpenSSL, the box is greyed
     * and names what it needs; a choice loaded from a profile stays shown.
     */
    static PostQuantumChoice postQuantum(ServerFiles server) {
        PostQuantum.Availability availability = server == null
                ? new PostQuantum.Availability(PostQuantum.Support.UNAVAILABLE, "Needs " + PostQuantum.NEEDS
                        + "; connect to the server so the wizard knows its versions.")
                : PostQuantum.availability(server.version(), server.runtime());
        return new PostQuantumChoice(availability.usable(), availability.reason());
    }

    /** Postfix 3.6 and later choose curves themselves; without a known version the box stays usable. */
    static Eecdh eecdh(PostfixVersion version) {
        boolean modern = version != null && version.atLeast(PostfixVersion.MODERN_TLS);
        return modern
                ? new Eecdh(false, "Not used by Postfix " + version + " (3.6 and later choose curves themselves); "
                        + "the wizard removes it.")
                : new Eecdh(true, "Postfix before 3.6 only.");
    }

    /**
     * The line beside the exclusions: from Postfix 3.8 on, Postfix excludes SEED, IDEA, 3DES, RC2, RC4, RC5, MD5,
     * kDH, kECDH and DSS itself (RELEASE_NOTES-3.8), so the plan does not repeat them.
     */
    static String exclusionsNote(PostfixVersion version) {
        String builtIn = "SEED, IDEA, 3DES, RC2, RC4, RC5, MD5, kDH, kECDH and DSS";
        if (version == null) {
            return "Postfix 3.8 and later exclude " + builtIn + " by themselves; the wizard writes them only for"
                    + " older versions.";
        }
        return version.atLeast(PostfixVersion.V3_8)
                ? "Postfix " + version + " excludes " + builtIn + " by itself (3.8 and later); the wizard does not"
                        + " repeat them."
                : "Needs listing on Postfix " + version + "; 3.8 and later exclude " + builtIn + " by themselves.";
    }

    /** Cipher names as typed: separated by commas or white space, empty parts dropped. */
    static List<String> excludeList(String text) {
        return Arrays.stream(text == null ? new String[0] : text.split("[,\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The exclusions as the field shows them; a field that says the same in other spacing is left alone. */
    static String normalise(String text) {
        return String.join(", ", excludeList(text));
    }

    private static String valueOf(String choice) {
        return choice == null || POSTFIX_DEFAULT.equals(choice) ? null : choice;
    }

    private static String shown(String value) {
        return value == null ? POSTFIX_DEFAULT : value;
    }
}
