package org.postfixtls.wizard.cli;

import org.postfixtls.wizard.domain.config.plan.OpensslVersion;
import org.postfixtls.wizard.domain.config.plan.TlsRuntime;
import picocli.CommandLine;

/**
 * Parses {@code --openssl-version} (e.g. 3.5.1, or "OpenSSL 3.0.17 1 Jul 2025" as {@code openssl version} prints
 * it) into what the planner and lint know about the server's TLS library; without the option it is unknown.
 */
final class OpensslOption implements CommandLine.ITypeConverter<TlsRuntime> {

    @Override
    public TlsRuntime convert(String value) {
        OpensslVersion version = OpensslVersion.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "'" + value + "' is not an OpenSSL version; use major.minor.patch such as 3.0.17 or 3.5.1"));
        return TlsRuntime.stated(version, "--openssl-version");
    }
}
