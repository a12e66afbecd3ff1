package org.postfixtls.wizard.adapter.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.postfixtls.wizard.app.remote.HostKeyDecider;
import org.postfixtls.wizard.app.remote.HostKeyInfo;

/**
 * known_hosts checking with a decision hook. JSch's own repository (which understands hashed entries and
 * {@code [host]:port}) answers first; an unknown key goes to the {@link HostKeyDecider}; a changed key is refused
 * outright. Remembers what happened so the connector can explain a refusal.
 */
final class VerifyingHostKeys implements HostKeyRepository {

    enum Outcome { NOT_CHECKED, KNOWN, ACCEPTED, REJECTED_UNKNOWN, CHANGED }

    private final HostKeyRepository known;
    private final HostKeyDecider decider;
    private final Path knownHostsFile;
    private final String host;
    private final int port;
    private Outcome outcome = Outcome.NOT_CHECKED;
    private HostKeyInfo presented;

    VerifyingHostKeys(HostKeyRepository known, HostKeyDecider decider, Path knownHostsFile, String host, int port) {
        this.known = known;
        this.decider = decider;
        this.knownHostsFile = knownHostsFile;
        this.host = host;
        this.port = port;
    }

    Outcome outcome() {
        return outcome;
    }

    HostKeyInfo presented() {
        return presented;
    }

    @Override
    public int check(String hostSpec, byte[] key) {
        presented = new HostKeyInfo(host, port, hostSpec, Fingerprints.type(key), Fingerprints.sha256(key));
        int result = known.check(hostSpec, key);
        if (result == OK) {
            outcome = Outcome.KNOWN;
            return OK;
        }
        if (result == CHANGED) {
            outcome = Outcome.CHANGED;
            return CHANGED;
        }
        HostKeyDecider.Decision decision = decider.decide(presented);
        if (decision == HostKeyDecider.Decision.REJECT || decision == null) {
            outcome = Outcome.REJECTED_UNKNOWN;
            return NOT_INCLUDED;
        }
        if (decision == HostKeyDecider.Decision.ACCEPT_AND_REMEMBER) {
            remember(hostSpec, key);
        }
        outcome = Outcome.ACCEPTED;
        return OK;
    }

    private void remember(String hostSpec, byte[] key) {
        String line = hostSpec + " " + presented.type() + " " + Base64.getEncoder().encodeToString(key) + "\n";
        try {
            Path dir = knownHostsFile.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            boolean needsNewline = Files.isRegularFile(knownHostsFile) && Files.size(knownHostsFile) > 0
                    && !endsWithNewline(knownHostsFile);
            Files.writeString(knownHostsFile, (needsNewline ? "\n" : "") + line, StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record the host key in " + knownHostsFile + ": " + e.getMessage(), e);
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return bytes.length == 0 || bytes[bytes.length - 1] == '\n';
    }

    // JSch itself must never add keys (that is what accept-new does); only remember() writes.
    @Override
    public void add(HostKey hostkey, UserInfo ui) {
    }

    @Override
    public void remove(String hostSpec, String type) {
    }

    @Override
    public void remove(String hostSpec, String type, byte[] key) {
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return known.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
        return known.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String hostSpec, String type) {
        return known.getHostKey(hostSpec, type);
    }
}
