package org.postfixtls.wizard.adapter.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.kernel.InputLimits;
import org.postfixtls.wizard.domain.cert.KeyEvidence;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.stack.OverrideFile;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;

/**
 * A folder holding a copy of a server's {@code main.cf} and {@code master.cf} (and its {@code tls_policy}, if
 * any), for admins who cannot or will not let the wizard onto the server. Files are read as ISO-8859-1 so every
 * byte survives the lossless documents.
 */
public final class LocalConfigFolder {

    /** main.cf files of real servers are tens of kilobytes; a megabyte means the wrong file was chosen. */
    static final int MAX_CONFIG_BYTES = InputLimits.MAX_CONFIG_BYTES;

    private LocalConfigFolder() {
    }

    /**
     * @param version the Postfix version of the server the files come from (not recorded in the files)
     * @throws BadInputException naming the file and what is wrong, when main.cf or master.cf is unusable
     */
    public static ServerFiles read(Path folder, PostfixVersion version) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder + " is not a folder; choose the folder that contains main.cf and master.cf");
        }
        String mainCf = readConfig(folder.resolve("main.cf"), true);
        String masterCf = readConfig(folder.resolve("master.cf"), true);
        String policy = readConfig(folder.resolve("tls_policy"), false);
        List<OverrideFile> stackFiles = new java.util.ArrayList<>();
        for (String name : List.of("extra.cf", "postfix-main.cf", "postfix-master.cf", "postfix.cf", "postfix.master")) {
            String text = readConfig(folder.resolve(name), false);
            if (text != null) {
                stackFiles.add(new OverrideFile(name, null, text));
            }
        }
        ServerFiles files = new ServerFiles(folder.toAbsolutePath().toString(), mainCf, masterCf, policy, version,
                MainCf.parse(mainCf).get("default_database_type").map(String::trim).orElse("hash"), "/etc/postfix",
                List.of(), List.of(), stackFiles, null);
        return files.withCertificates(certificatesNamedIn(MainCf.parse(mainCf), folder));
    }

    private static String readConfig(Path file, boolean required) {
        if (!Files.exists(file)) {
            if (required) {
                throw new BadInputException(file.getFileName() + " is missing in " + file.getParent()
                        + "; the folder must contain main.cf and master.cf copied from the server");
            }
            return null;
        }
        try {
            if (Files.size(file) > MAX_CONFIG_BYTES) {
                throw new BadInputException(file + " is larger than 4 MB; that is not a Postfix configuration file");
            }
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new BadInputException(file + " cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * The certificate main.cf names, when it can be read here: either at its server path (the wizard runs on the
     * server itself) or as a file of the same name inside the chosen folder.
     */
    private static List<CertificateCandidate> certificatesNamedIn(MainCf main, Path folder) {
        List<CertificateCandidate> candidates = new ArrayList<>();
        Optional<String> chain = main.get("smtpd_tls_cert_file").map(String::trim).filter(s -> !s.isEmpty());
        Optional<String> key = main.get("smtpd_tls_key_file").map(String::trim).filter(s -> !s.isEmpty());
        if (chain.isEmpty()) {
            return candidates;
        }
        Optional<Path> localChain = locate(chain.get(), folder);
        if (localChain.isEmpty()) {
            return candidates;
        }
        FileContent content = LocalFiles.read(localChain.get(), InputLimits.MAX_PEM_BYTES, "a PEM certificate chain");
        Optional<KeyEvidence> evidence = key.flatMap(k -> locate(k, folder))
                .flatMap(LocalConfigFolder::readableKey);
        candidates.add(new CertificateCandidate(chain.get(), key.orElse(null), content, evidence,
                "configured in main.cf"));
        return candidates;
    }

    private static Optional<KeyEvidence> readableKey(Path keyFile) {
        try {
            return Optional.of(KeyEvidence.fromKeyFile(LocalFiles.read(keyFile, InputLimits.MAX_PEM_BYTES,
                    "a PEM private key")));
        } catch (BadInputException e) {
            // a key readable only by root is the normal, correct case: the check then says "not checked"
            return Optional.empty();
        }
    }

    private static Optional<Path> locate(String serverPath, Path folder) {
        Set<Path> places = new LinkedHashSet<>();
        places.add(Path.of(serverPath));
        Path name = Path.of(serverPath).getFileName();
        if (name != null) {
            places.add(folder.resolve(name));
        }
        return places.stream().filter(Files::isReadable).filter(Files::isRegularFile).findFirst();
    }
}
