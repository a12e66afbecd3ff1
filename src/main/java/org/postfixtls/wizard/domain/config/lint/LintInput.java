package org.postfixtls.wizard.domain.config.lint;

import java.util.Optional;
import java.util.function.Function;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.config.plan.TlsRuntime;
import org.postfixtls.wizard.domain.config.policy.PolicyMap;

/**
 * The configuration to check; {@code policyMap} is null when there is no policy table source file.
 * {@code files} reads a file the configuration names (a certificate) when the caller can, else empty: the check
 * then judges by what the configuration says alone. {@code runtime} is what discovery learned about the server's
 * OpenSSL and Postfix build ({@link TlsRuntime#UNKNOWN} when nothing: rules that need it then stay silent or say
 * "not checked").
 */
public record LintInput(MainCf main, MasterCf master, PolicyMap policyMap, PostfixVersion version,
        Function<String, Optional<String>> files, TlsRuntime runtime) {

    public LintInput {
        files = files == null ? path -> Optional.empty() : files;
        runtime = runtime == null ? TlsRuntime.UNKNOWN : runtime;
    }

    public LintInput(MainCf main, MasterCf master, PolicyMap policyMap, PostfixVersion version,
            Function<String, Optional<String>> files) {
        this(main, master, policyMap, version, files, TlsRuntime.UNKNOWN);
    }

    public LintInput(MainCf main, MasterCf master, PolicyMap policyMap, PostfixVersion version) {
        this(main, master, policyMap, version, null);
    }

    public static LintInput of(String mainCf, String masterCf, String policyMap, PostfixVersion version) {
        return new LintInput(MainCf.parse(mainCf), MasterCf.parse(masterCf),
                policyMap == null ? null : PolicyMap.parse(policyMap), version);
    }

    /** The same input with a way to read the files the configuration names. */
    public LintInput readingFiles(Function<String, Optional<String>> reader) {
        return new LintInput(main, master, policyMap, version, reader, runtime);
    }

    /** The same input with what discovery learned about the server's OpenSSL and Postfix build. */
    public LintInput withRuntime(TlsRuntime serverRuntime) {
        return new LintInput(main, master, policyMap, version, files, serverRuntime);
    }
}
