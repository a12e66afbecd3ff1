package org.postfixtls.wizard.app.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postfixtls.wizard.app.remote.CommandResult;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.app.remote.RemoteShell;
import org.postfixtls.wizard.app.remote.Scripts;
import org.postfixtls.wizard.app.remote.TaggedOutput;

/** A job directory on the server and the apply.sh calls that act on it (see docs/deploy.md). */
final class ServerJob {

    static final byte[] APPLY_SCRIPT = Scripts.load(ServerJob.class, "apply.sh");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration SHORT = Duration.ofSeconds(60);
    private static final Duration COMMIT = Duration.ofMinutes(10);

    final String id;
    final String instanceDirectory;
    final String directory;
    private final RemoteSession session;

    ServerJob(RemoteSession session, String instanceDirectory) {
        this.id = newId();
        this.session = session;
        this.instanceDirectory = instanceDirectory;
        this.directory = instanceDirectory + "/deploys/" + id;
    }

    static String newId() {
        return ID_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + HexFormat.of().toHexDigits((short) RANDOM.nextInt());
    }

    static String created() {
        return DateTimeFormatter.ISO_INSTANT.format(ZonedDateTime.now(ZoneOffset.UTC).withNano(0));
    }

    /**
     * The job's files in a private directory of the login user, and the SHA-256 of each: root uses a file only
     * after copying it into a directory of its own and finding the same hash there.
     */
    record Upload(String directory, Map<String, String> sha256) {
        Upload {
            sha256 = Map.copyOf(sha256);
        }

        /** {@code NAME=SHA256} for every file, the form apply.sh's {@code receive} takes. */
        List<String> hashArguments() {
            return sha256.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).toList();
        }
    }

    /** Uploads the files (SFTP, private directory of the login user). */
    Upload upload(Map<String, byte[]> files) {
        String directory = session.files().home() + "/.pftw-upload-" + id;
        Map<String, String> hashes = new LinkedHashMap<>();
        try {
            session.files().createPrivateDirectory(directory);
            session.files().createPrivateDirectory(directory + "/new");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                session.files().write(directory + "/" + file.getKey(), file.getValue());
                hashes.put(file.getKey(), sha256(file.getValue()));
            }
        } catch (RuntimeException e) {
            forget(directory);
            throw e;
        }
        return new Upload(directory, hashes);
    }

    /**
     * Root copies the upload into the job directory, checking every hash, and validates it there (no live
     * change). apply.sh itself runs from stdin, never from the upload. The upload is deleted whatever happens;
     * a failed prepare leaves no job directory (apply.sh removes what it made).
     */
    TaggedOutput prepare(Upload upload) {
        try {
            List<String> argv = new ArrayList<>(List.of("bash", "-s", "--", "prepare", upload.directory(), directory));
            argv.addAll(upload.hashArguments());
            CommandResult result = runOrDiscard(argv);
            if (!result.succeeded()) {
                throw new RemoteException("preparing the job on " + session.target() + " failed: "
                        + result.firstErrorLine());
            }
            return TaggedOutput.parse(result.stdoutText());
        } finally {
            forget(upload.directory());
        }
    }

    /** Builds a job restoring the backup of {@code targetId} (script uploaded like a deploy's) and validates it. */
    TaggedOutput prepareRollback(String targetId, String client) {
        return prepareRollback(upload(Map.of("apply.sh", APPLY_SCRIPT)), targetId, client);
    }

    TaggedOutput prepareRollback(Upload upload, String targetId, String client) {
        try {
            List<String> argv = new ArrayList<>(List.of("bash", "-s", "--", "rollback-job", instanceDirectory,
                    targetId, directory, id, created(), client, upload.directory()));
            argv.addAll(upload.hashArguments());
            CommandResult result = runOrDiscard(argv);
            if (!result.succeeded()) {
                throw new RemoteException("preparing the rollback on " + session.target() + " failed: "
                        + result.firstErrorLine());
            }
            return TaggedOutput.parse(result.stdoutText());
        } finally {
            forget(upload.directory());
        }
    }

    /**
     * Runs apply.sh (from stdin) to build this job. A failure it reports, it cleans up itself; when the command
     * was abandoned (timeout, lost connection) the job directory is removed here, as far as the session allows.
     */
    private CommandResult runOrDiscard(List<String> argv) {
        try {
            return session.run(argv, APPLY_SCRIPT, SHORT);
        } catch (RemoteException e) {
            try {
                discard();
            } catch (RemoteException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    /** Deletes an upload as the login user who owns it (root never walks that user's directories). */
    private void forget(String upload) {
        try {
            session.files().delete(upload);
        } catch (RemoteException e) {
            // the job's own outcome matters more; a leftover upload holds nothing secret and nothing root trusts
        }
    }

    void discard() {
        session.run(List.of("rm", "-rf", "--", directory), SHORT);
    }

    /** Starts the detached commit and follows its progress; returns the result line's fields. */
    String[] commit(DeployListener listener, List<StepEvent> steps) {
        String[] result = new String[1];
        session.run(List.of("bash", directory + "/apply.sh", "start", directory), new byte[0], COMMIT, line -> {
            String[] fields = line.split("\t", 4);
            if (fields[0].equals("PROGRESS") && fields.length == 4) {
                StepEvent event = StepEvent.parse(fields[1], fields[2], fields[3]);
                steps.add(event);
                listener.onStep(event);
            } else if (fields[0].equals("RESULT")) {
                result[0] = line.substring("RESULT\t".length());
            }
        });
        if (result[0] == null) {
            throw new RemoteException("the commit on " + session.target() + " reported no result");
        }
        return result[0].split("\t", 3);
    }

    static List<DeployRecord> history(RemoteShell shell, String instanceDirectory) {
        return history(shell, instanceDirectory, 0).records();
    }

    /** The newest {@code newest} jobs (0: all), oldest first, and whether older ones were left out. */
    record HistoryWindow(List<DeployRecord> records, boolean truncated) {
    }

    static HistoryWindow history(RemoteShell shell, String instanceDirectory, int newest) {
        List<String> command = newest > 0
                ? List.of("bash", "-s", "--", "history", instanceDirectory, Integer.toString(newest))
                : List.of("bash", "-s", "--", "history", instanceDirectory);
        CommandResult result = shell.run(command, APPLY_SCRIPT, SHORT);
        if (!result.succeeded()) {
            throw new RemoteException("reading the deploy history on " + shell.target() + " failed: "
                    + result.firstErrorLine());
        }
        List<DeployRecord> records = new ArrayList<>();
        Map<String, String> current = null;
        boolean truncated = false;
        for (TaggedOutput.Entry entry : TaggedOutput.parse(result.stdoutText()).entries()) {
            if (current == null && entry.key().equals("truncated")) {
                truncated = true;
            }
            if (entry.key().equals("job")) {
                if (current != null) {
                    records.add(record(current));
                }
                current = new LinkedHashMap<>();
            }
            if (current != null) {
                current.put(entry.key(), entry.text());
            }
        }
        if (current != null) {
            records.add(record(current));
        }
        records.sort((a, b) -> a.id().compareTo(b.id()));
        return new HistoryWindow(records, truncated);
    }

    private static DeployRecord record(Map<String, String> raw) {
        Map<String, String> job = new LinkedHashMap<>();
        raw.getOrDefault("job", "").lines().forEach(line -> {
            int eq = line.indexOf('=');
            if (eq > 0) {
                job.put(line.substring(0, eq), line.substring(eq + 1));
            }
        });
        String[] result = raw.getOrDefault("result", "").strip().split("\t", 3);
        List<DeployRecord.FileBackup> files = new ArrayList<>();
        raw.getOrDefault("manifest", "").lines().forEach(line -> {
            String[] f = line.split("\t");
            if (f.length >= 7) {
                files.add(new DeployRecord.FileBackup(f[0], f[1], f[2].equals("yes"), f[3], f[4], f[5], f[6]));
            }
        });
        String state = raw.getOrDefault("state", "").strip();
        return new DeployRecord(job.getOrDefault("id", "?"), job.getOrDefault("kind", "deploy"),
                job.getOrDefault("created", ""), job.getOrDefault("client", ""), job.get("profile"),
                job.get("rollback_of"), state.isEmpty() ? "unknown" : state, result.length > 1 ? result[1] : null,
                result.length > 2 ? result[2] : null, files);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
