package org.postfixtls.wizard.cli;

import java.io.PrintWriter;
import org.postfixtls.wizard.domain.config.plan.PlanHash;
import picocli.CommandLine;

/** Reads {@code --expect-plan} and prints a plan's hash the same way in {@code plan} and {@code deploy}. */
final class PlanHashOption implements CommandLine.ITypeConverter<PlanHash> {

    /** The text output's line; scripts take the hash after it. */
    static final String LABEL = "Plan SHA-256: ";

    @Override
    public PlanHash convert(String value) {
        try {
            return PlanHash.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    static void print(PrintWriter out, PlanHash hash) {
        out.println(LABEL + hash + "  (deploy --expect-plan " + hash + " applies exactly this change)");
    }
}
