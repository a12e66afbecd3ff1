package org.postfixtls.wizard.cli;

import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import picocli.CommandLine;

/** Parses {@code --postfix-version} (e.g. 3.7 or 3.7.11); Debian 12 ships 3.7, hence the default. */
final class VersionOption implements CommandLine.ITypeConverter<PostfixVersion> {

    static final String DEFAULT = "3.7";

    @Override
    public PostfixVersion convert(String value) {
        return PostfixVersion.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "'" + value + "' is not a Postfix version; use major.minor such as 3.7 or 3.6.4"));
    }
}
