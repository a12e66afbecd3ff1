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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.postfixtls.wizard.app.remote.HostKeyDecider;
import org.postfixtls.wizard.app.remote.HostKeyInfo;

/**
 * known_hosts checking with a decision hook. JSch's own repository (which understands hashed entries and
 * {@code [host]:port}) answers first; an unknown key goes to the {@link HostKeyDecider} — with the host's keys of other
 * types, if known_hosts has any; a changed key is refused outright. Never JSch's accept-new. Remembers what happened so the connector can explain a refusal.
 */
final class VerifyingHostKeys implements HostKeyRepository {

    enum Outcome { NOT_CHECKED, KNOWN, ACCEPTED, REJECTED_UNKNOWN, CHANGED, CHANGED_SINCE_ACCEPTED }

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
        // JSch compares only keys of the presented type: keys of other types on file make this a change to explain
        presented = new HostKeyInfo(host, port, hostSpec, presented.type(), presented.fingerprint(), knownKeys(hostSpec));
        HostKeyDecider.Decision decision = decider.decide(presented);
        if (decision == HostKeyDecider.Decision.REJECT_CHANGED) {
            outcome = Outcome.CHANGED_SINCE_ACCEPTED;
            return NOT_INCLUDED;
        }
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

    /** "type SHA256:..." of every key known_hosts holds for the host (hashed entries included), whatever its type. */
    private List<String> knownKeys(String hostSpec) {
        HostKey[] keys = known.getHostKey(hostSpec, null);
        List<String> described = new ArrayList<>();
        for (HostKey entry : keys == null ? new HostKey[0] : keys) {
            try {
                byte[] blob = Base64.getDecoder().decode(entry.getKey());
                described.add(Fingerprints.type(blob) + " " + Fingerprints.sha256(blob));
            } catch (IllegalArgumentException unreadable) {
                described.add(entry.getType() + " (unreadable entry)");
            }
        }
        return described;
    }

    /**
     * Appends the key in the file's own style (HashKnownHosts): hashed when the file already hides host names, so
     * accepting a key does not put a readable host name into a file that was hashed on purpose.
     */
    private void remember(String hostSpec, byte[] key) {
        try {
            Path dir = knownHostsFile.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            boolean exists = Files.isRegularFile(knownHostsFile) && Files.size(knownHostsFile) > 0;
            String name = exists && KnownHostsStyle.hashed(knownHostsFile) ? KnownHostsStyle.hash(hostSpec) : hostSpec;
            String line = name + " " + presented.type() + " " + Base64.getEncoder().encodeToString(key) + "\n";
            boolean needsNewline = exists && !KnownHostsStyle.endsWithNewline(knownHostsFile);
            Files.writeString(knownHostsFile, (needsNewline ? "\n" : "") + line, StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record the host key in " + knownHostsFile + ": " + e.getMessage(), e);
        }
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
