package org.postfixtls.wizard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cert}: inspect a certificate chain and key, or generate a self-signed test certificate. */
@Command(name = "cert", mixinStandardHelpOptions = true,
        description = "Inspect a certificate chain and key, or generate a self-signed test certificate.",
        subcommands = {CertInspectCommand.class, CertSelfSignedCommand.class})
public final class CertCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: inspect or self-signed");
    }
}
