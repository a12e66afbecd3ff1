package org.postfixtls.wizard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.postfixtls.wizard.domain.config.lint.Finding;
import org.postfixtls.wizard.domain.config.lint.LintInput;
import org.postfixtls.wizard.domain.config.lint.Linter;
import org.postfixtls.wizard.domain.config.lint.Severity;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.config.plan.TlsRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check a Postfix configuration's TLS settings. Exit 1 when there are warnings or errors."})
public final class LintCommand implements Callable<Integer> {

    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config-dir", required = true, paramLabel = "DIR",
            description = "Directory with main.cf, master.cf and (optional) tls_policy.")
    Path configDir;

    @Option(names = "--postfix-version", paramLabel = "V", defaultValue = VersionOption.DEFAULT,
            converter = VersionOption.class, description = "Postfix version of the server (default: ${DEFAULT-VALUE}).")
    PostfixVersion version;

    @Option(names = "--openssl-version", paramLabel = "V", converter = OpensslOption.class,
            description = "OpenSSL release the server's Postfix uses (openssl version), e.g. 3.5.1; unknown without.")
    TlsRuntime runtime = TlsRuntime.UNKNOWN;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws IOException {
        CommandLine cmd = spec.commandLine();
        if (!Files.isDirectory(configDir)) {
            cmd.getErr().println("lint: --config-dir: " + configDir + " is not a directory");
            return ExitCodes.BAD_INPUT;
        }
        String main = ConfigFiles.readRequired(cmd, "--config-dir", configDir.resolve(Planner.MAIN_CF));
        String master = ConfigFiles.readRequired(cmd, "--config-dir", configDir.resolve(Planner.MASTER_CF));
        String policy = ConfigFiles.readOptional(cmd, "--config-dir", configDir.resolve(Planner.TLS_POLICY));
        // a certificate the configuration names is inspected when it is readable here (lint run on the server)
        List<Finding> findings = Linter.lint(LintInput.of(main, master, policy, version).withRuntime(runtime)
                .readingFiles(path -> {
            try {
                Path file = Path.of(path);
                return Files.isReadable(file) && Files.size(file) < 1_000_000
                        ? java.util.Optional.of(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1))
                        : java.util.Optional.empty();
            } catch (IOException | java.nio.file.InvalidPathException e) {
                return java.util.Optional.empty();
            }
        }));
        PrintWriter out = cmd.getOut();
        if (format == Format.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(findings));
        } else if (findings.isEmpty()) {
            out.println("No findings.");
        } else {
            for (Finding f : findings) {
                out.println(f.severity() + " " + f.id() + ": " + f.message());
                out.println("    fix: " + f.fix());
            }
        }
        out.flush();
        return findings.stream().anyMatch(f -> f.severity() != Severity.INFO) ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }
}
