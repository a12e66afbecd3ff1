package org.postfixtls.wizard.domain.config.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.postfixtls.wizard.domain.config.stack.OverrideFile;
import org.postfixtls.wizard.domain.profile.Profile;

/**
 * What the planner needs: the server's current files (policyMap null when the server has none), the profile,
 * the Postfix version on the server, its {@code default_database_type}, its configuration directory (used in
 * {@code smtp_tls_policy_maps}), the mail-stack marker files discovery found there (empty for local files), the
 * stack's override files as found (extra.cf, postfix-main.cf, ...; absent ones may be left out), the folder that
 * holds them when the user named one (null: the stack's standard place) and what discovery learned about its
 * OpenSSL and Postfix build ({@link TlsRuntime#UNKNOWN} for local files).
 */
public record PlanRequest(String mainCf, String masterCf, String policyMap, Profile profile, PostfixVersion version,
        String defaultDatabaseType, String configDirectory, List<String> stackMarkers, List<OverrideFile> stackFiles,
        String stackDirectory, TlsRuntime runtime) {

    public static final String DEFAULT_CONFIG_DIRECTORY = "/etc/postfix";

    public PlanRequest {
        Objects.requireNonNull(mainCf, "mainCf");
        Objects.requireNonNull(masterCf, "masterCf");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(version, "version");
        defaultDatabaseType = defaultDatabaseType == null || defaultDatabaseType.isBlank() ? "hash" : defaultDatabaseType;
        configDirectory = configDirectory == null || configDirectory.isBlank() ? DEFAULT_CONFIG_DIRECTORY : configDirectory;
        stackMarkers = stackMarkers == null ? List.of() : List.copyOf(stackMarkers);
        stackFiles = stackFiles == null ? List.of() : List.copyOf(stackFiles);
        runtime = runtime == null ? TlsRuntime.UNKNOWN : runtime;
    }

    /**
     * A request with only what every plan needs; the rest starts at the defaults (no policy map, "hash",
     * {@value #DEFAULT_CONFIG_DIRECTORY}, no stack, unknown runtime) and is added with the {@code with...} methods,
     * so a call site names each optional part it sets instead of passing a row of nulls.
     */
    public static PlanRequest of(String mainCf, String masterCf, Profile profile, PostfixVersion version) {
        return new PlanRequest(mainCf, masterCf, null, profile, version, null, null, null, null, null, null);
    }

    /** The server's {@code tls_policy} text; null when it has none. */
    public PlanRequest withPolicyMap(String map) {
        return new PlanRequest(mainCf, masterCf, map, profile, version, defaultDatabaseType, configDirectory,
                stackMarkers, stackFiles, stackDirectory, runtime);
    }

    /** Null or blank keeps "hash". */
    public PlanRequest withDefaultDatabaseType(String type) {
        return new PlanRequest(mainCf, masterCf, policyMap, profile, version, type, configDirectory,
                stackMarkers, stackFiles, stackDirectory, runtime);
    }

    /** Null or blank keeps {@value #DEFAULT_CONFIG_DIRECTORY}. */
    public PlanRequest withConfigDirectory(String directory) {
        return new PlanRequest(mainCf, masterCf, policyMap, profile, version, defaultDatabaseType, directory,
                stackMarkers, stackFiles, stackDirectory, runtime);
    }

    public PlanRequest withStackMarkers(List<String> markers) {
        return new PlanRequest(mainCf, masterCf, policyMap, profile, version, defaultDatabaseType, configDirectory,
                markers, stackFiles, stackDirectory, runtime);
    }

    public PlanRequest withStackFiles(List<OverrideFile> files) {
        return new PlanRequest(mainCf, masterCf, policyMap, profile, version, defaultDatabaseType, configDirectory,
                stackMarkers, files, stackDirectory, runtime);
    }

    /** Null: the stack's standard place. */
    public PlanRequest withStackDirectory(String directory) {
        return new PlanRequest(mainCf, masterCf, policyMap, profile, version, defaultDatabaseType, configDirectory,
                stackMarkers, stackFiles, directory, runtime);
    }

    /** Null keeps {@link TlsRuntime#UNKNOWN}. */
    public PlanRequest withRuntime(TlsRuntime tlsRuntime) {
        return new PlanRequest(mainCf, masterCf, policyMap, profile, version, defaultDatabaseType, configDirectory,
                stackMarkers, stackFiles, stackDirectory, tlsRuntime);
    }

    /** The same request planned on other main.cf/master.cf text (what a stack's start makes of them). */
    public PlanRequest withFiles(String main, String master) {
        return new PlanRequest(main, master, policyMap, profile, version, defaultDatabaseType, configDirectory,
                stackMarkers, stackFiles, stackDirectory, runtime);
    }

    /** The override file of that name, when discovery or the local folder provided it. */
    public Optional<OverrideFile> stackFile(String name) {
        return stackFiles.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
