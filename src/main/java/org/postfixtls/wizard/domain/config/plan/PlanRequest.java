package org.postfixtls.wizard.domain.config.plan;

import java.util.List;
import java.util.Objects;
import org.postfixtls.wizard.domain.profile.Profile;

/**
 * What the planner needs: the server's current files (policyMap null when the server has none), the profile,
 * the Postfix version on the server, its {@code default_database_type}, its configuration directory (used in
 * {@code smtp_tls_policy_maps}), the mail-stack marker files discovery found there (empty for local files) and
 * what discovery learned about its OpenSSL and Postfix build ({@link TlsRuntime#UNKNOWN} for local files).
 */
public record PlanRequest(String mainCf, String masterCf, String policyMap, Profile profile, PostfixVersion version,
        String defaultDatabaseType, String configDirectory, List<String> stackMarkers, TlsRuntime runtime) {

    public static final String DEFAULT_CONFIG_DIRECTORY = "/etc/postfix";

    public PlanRequest {
        Objects.requireNonNull(mainCf, "mainCf");
        Objects.requireNonNull(masterCf, "masterCf");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(version, "version");
        defaultDatabaseType = defaultDatabaseType == null || defaultDatabaseType.isBlank() ? "hash" : defaultDatabaseType;
        configDirectory = configDirectory == null || configDirectory.isBlank() ? DEFAULT_CONFIG_DIRECTORY : configDirectory;
        stackMarkers = stackMarkers == null ? List.of() : List.copyOf(stackMarkers);
        runtime = runtime == null ? TlsRuntime.UNKNOWN : runtime;
    }

    public PlanRequest(String mainCf, String masterCf, String policyMap, Profile profile, PostfixVersion version,
            String defaultDatabaseType, String configDirectory, List<String> stackMarkers) {
        this(mainCf, masterCf, policyMap, profile, version, defaultDatabaseType, configDirectory, stackMarkers,
                TlsRuntime.UNKNOWN);
    }

    public PlanRequest(String mainCf, String masterCf, String policyMap, Profile profile, PostfixVersion version,
            String defaultDatabaseType, String configDirectory) {
        this(mainCf, masterCf, policyMap, profile, version, defaultDatabaseType, configDirectory, List.of());
    }

    public PlanRequest(String mainCf, String masterCf, String policyMap, Profile profile, PostfixVersion version) {
        this(mainCf, masterCf, policyMap, profile, version, "hash", DEFAULT_CONFIG_DIRECTORY);
    }
}
