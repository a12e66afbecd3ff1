package org.postfixtls.wizard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.postfixtls.wizard.adapter.local.LocalFiles;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.postfixtls.wizard.domain.cert.CertbotDeployHook;
import org.postfixtls.wizard.domain.cert.GeneratedCertificate;
import org.postfixtls.wizard.domain.cert.GeneratedKeyType;
import org.postfixtls.wizard.domain.cert.SelfSignedCertificateGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cert self-signed}: a test certificate, its key (mode 0600) and the certbot deploy hook. */
@Command(name = "self-signed", mixinStandardHelpOptions = true,
        description = {"Generate a self-signed TEST certificate for a host name (clients will reject it),",
            "plus the certbot deploy hook that reloads Postfix after renewals."})
final class CertSelfSignedCommand implements Callable<Integer> {

    static final String CERTIFICATE_FILE = "postfix.crt";
    static final String KEY_FILE = "postfix.key";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--hostname", required = true, paramLabel = "NAME", description = "the server's host name (myhostname / MX name)")
    String hostname;

    @Option(names = "--key-type", paramLabel = "ec|rsa2048|rsa4096", defaultValue = "ec",
            description = "key type (default: ${DEFAULT-VALUE}, ECDSA P-256)")
    String keyType;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory for the files (created if missing)")
    Path out;

    @Override
    public Integer call() {
        try {
            GeneratedKeyType type = GeneratedKeyType.fromOption(keyType);
            createDirectory();
            GeneratedCertificate generated = new SelfSignedCertificateGenerator().generate(hostname, type);
            Path certificate = out.resolve(CERTIFICATE_FILE);
            Path key = out.resolve(KEY_FILE);
            Path hook = out.resolve(CertbotDeployHook.FILE_NAME);
            for (Path target : new Path[] {certificate, key, hook}) {
                if (Files.exists(target)) {
                    throw new BadInputException(target + " already exists; it is not overwritten (choose another --out directory)");
                }
            }
            LocalFiles.writeNew(key, generated.privateKeyPem(), "rw-------");
            LocalFiles.writeNew(certificate, generated.certificatePem(), "rw-r--r--");
            LocalFiles.writeNew(hook, CertbotDeployHook.script().getBytes(StandardCharsets.UTF_8), "rwxr-xr-x");

            var stdout = spec.commandLine().getOut();
            stdout.println("Certificate: " + certificate + " (" + generated.hostname() + ", " + type.option() + ")");
            stdout.println("Private key: " + key + " (mode 0600)");
            stdout.println("Deploy hook: " + hook + " (mode 0755; install as " + CertbotDeployHook.INSTALL_PATH + ")");
            stdout.flush();
            spec.commandLine().getErr().println("WARNING: " + generated.warning());
            spec.commandLine().getErr().flush();
            return ExitCodes.OK;
        } catch (BadInputException e) {
            return BadInput.report(spec, e);
        }
    }

    private void createDirectory() {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new BadInputException(out + " cannot be created as a directory (" + e.getMessage() + "); expected a writable directory");
        }
    }
}
