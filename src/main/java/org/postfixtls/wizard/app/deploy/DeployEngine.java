package org.postfixtls.wizard.app.deploy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postfixtls.wizard.app.discovery.Discovery;
import org.postfixtls.wizard.app.plan.PlanPreview;
import org.postfixtls.wizard.app.discovery.ServerFacts;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.app.remote.RemoteShell;
import org.postfixtls.wizard.app.remote.PrivateKeyMaterial;
import org.postfixtls.wizard.app.remote.TaggedOutput;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.postfixtls.wizard.domain.cert.CertificateInspector;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.kernel.FileMetadata;
import org.postfixtls.wizard.domain.cert.FindingId;
import org.postfixtls.wizard.domain.cert.InspectionReport;
import org.postfixtls.wizard.domain.cert.InspectionRequest;
import org.postfixtls.wizard.domain.cert.KeyEvidence;
import org.postfixtls.wizard.domain.config.diff.UnifiedDiff;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.FileChange;
import org.postfixtls.wizard.domain.config.plan.PlanHash;
import org.postfixtls.wizard.domain.config.plan.StackTarget;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.profile.Profile;

/**
 * Transactional deploy, rollback and history over one {@link RemoteSession} (see docs/deploy.md). Safe to call
 * from a background thread; progress goes to the {@link DeployListener}, cancellation is honoured until the
 * commit starts. Remote failures before the commit surface as {@link RemoteException}; during the commit a lost
 * connection is reported as {@link DeployOutcome#CONNECTION_LOST} (the server finishes alone).
 */
public final class DeployEngine {

    /** Jobs read from the end of the history before a rollback falls back to all of them. */
    static final int ROLLBACK_HISTORY_WINDOW = 12;


    private final Discovery discovery;
    private final CertificateInspector inspector;
    private final DeployJournal journal;

    public DeployEngine(Discovery discovery, CertificateInspector inspector, DeployJournal journal) {
        this.discovery = discovery;
        this.inspector = inspector;
        this.journal = journal;
    }

    public DeployEngine() {
        this(new Discovery(), new CertificateInspector(), DeployJournal.none());
    }

    /** Plans the profile against the live files and prints nothing to the server: the diff, lint, no changes. */
    public DeployReport dryRun(RemoteSession session, Profile profile, DeployOptions options, DeployListener listener) {
        return dryRun(session, profile, null, options, listener);
    }

    /**
     * A dry run that also says whether the plan is still the approved one ({@link DeployOutcome#PLAN_CHANGED} when
     * not); {@code approved} null checks nothing.
     */
    public DeployReport dryRun(RemoteSession session, Profile profile, PlanHash approved, DeployOptions options,
            DeployListener listener) {
        Run run = new Run(session, listener);
        Planned planned = run.plan(profile, options);
        if (planned.changeSet.refused()) {
            return run.refusedPlan(planned);
        }
        Optional<DeployReport> unapproved = run.refuseUnapproved(planned, approved);
        if (unapproved.isPresent()) {
            return unapproved.get();
        }
        String message = planned.changeSet.isEmpty() ? "no changes: the server already matches the profile"
                : "dry run: " + planned.changeSet.changes().size() + " changes planned, nothing written";
        return run.report(null, planned.changeSet.isEmpty() ? DeployOutcome.NO_CHANGES : DeployOutcome.DRY_RUN, null,
                message, planned, List.of());
    }

    public DeployReport deploy(RemoteSession session, Profile profile, DeployOptions options,
            DeployListener listener, Cancellation cancellation) {
        return deploy(session, profile, null, options, listener, cancellation);
    }

    /**
     * Deploys the profile only if its plan, made now from the live files, is the approved one: when its
     * {@link PlanHash} differs from {@code approved}, nothing is sent and the report ({@link
     * DeployOutcome#PLAN_CHANGED}) carries the new plan and diff for approval (decision 0056). {@code approved}
     * null deploys whatever the profile plans.
     */
    public DeployReport deploy(RemoteSession session, Profile profile, PlanHash approved, DeployOptions options,
            DeployListener listener, Cancellation cancellation) {
        Run run = new Run(session, listener);
        Planned planned = run.plan(profile, options);
        if (planned.changeSet.refused()) {
            return record(session, "deploy", run.refusedPlan(planned));
        }
        Optional<DeployReport> unapproved = run.refuseUnapproved(planned, approved);
        if (unapproved.isPresent()) {
            return record(session, "deploy", unapproved.get());
        }
        if (planned.changeSet.isEmpty()) {
            run.event("plan", StepEvent.Status.OK, "the server already matches the profile: nothing to write, no reload");
            return record(session, "deploy", run.report(null, DeployOutcome.NO_CHANGES, null,
                    "no changes: the server already matches the profile", planned, List.of()));
        }
        if (cancellation.isRequested()) {
            return run.report(null, DeployOutcome.CANCELLED, null, "cancelled before anything was sent", planned,
                    List.of());
        }
        ServerJob job = new ServerJob(session, options.instanceDirectory(planned.facts.configDirectory()));
        run.event("upload", StepEvent.Status.START, "uploading the planned files (SFTP) for job " + job.id);
        ServerJob.Upload upload = job.upload(jobFiles(job.id, planned.changeSet, planned.facts.configDirectory(),
                planned.facts.defaultDatabaseType(), profile, options));
        run.event("upload", StepEvent.Status.OK, "uploaded");
        run.event("validate", StepEvent.Status.START, "validating the staged files with the server's own postconf");
        TaggedOutput validation = job.prepare(upload);
        return run.commitValidated(job, validation, planned, cancellation, "deploy");
    }

    /**
     * Restores the files as they were before deploy {@code toId} (null: the most recent committed deploy not yet
     * rolled back): byte for byte, with owner and mode, then reloads. Runs as a job of its own (locked, backed up,
     * validated, undone on failure).
     */
    public DeployReport rollback(RemoteSession session, String toId, DeployOptions options, DeployListener listener,
            Cancellation cancellation) {
        Run run = new Run(session, listener);
        // no discovery: the backup holds everything the rollback writes, and apply.sh validates it (decision 0070)
        run.event("discover", StepEvent.Status.START, "reading the deploy history on the server");
        String instance = options.instanceDirectory(discovery.configDirectory(session, options.configDirectory()));
        List<DeployRecord> history = rollbackHistory(session, instance, toId);
        String target = toId != null ? toId : latestUndoable(history).orElseThrow(() -> new IllegalArgumentException(
                "there is no committed deploy on " + session.target() + " to roll back"));
        DeployRecord record = history.stream().filter(r -> r.id().equals(target)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--to: there is no deploy " + target + " on "
                        + session.target() + "; see history"));
        if (!record.committed()) {
            throw new IllegalArgumentException("--to: deploy " + target + " is " + record.state()
                    + ", not committed: there is nothing to undo");
        }
        run.event("discover", StepEvent.Status.OK, "rolling back to the state before " + target);
        if (cancellation.isRequested()) {
            return run.report(null, DeployOutcome.CANCELLED, null, "cancelled before anything was sent", null,
                    List.of());
        }
        ServerJob job = new ServerJob(session, instance);
        run.event("validate", StepEvent.Status.START, "building job " + job.id + " from the backup of " + target);
        TaggedOutput validation = job.prepareRollback(target, options.client());
        return run.commitValidated(job, validation, null, cancellation, "rollback");
    }

    /** Every job recorded on the server for this instance, oldest first. */
    public List<DeployRecord> history(RemoteShell shell, DeployOptions options) {
        return ServerJob.history(shell, options.instanceDirectory(discovery.configDirectory(shell,
                options.configDirectory())));
    }

    /**
     * The end of the history first: every job that can undo a deploy comes after it, so a deploy found undoable (or
     * named) among the newest jobs is the same answer the whole history gives. Only when the newest jobs do not
     * decide is the whole history read (each job costs process starts on the server).
     */
    private static List<DeployRecord> rollbackHistory(RemoteSession session, String instance, String toId) {
        ServerJob.HistoryWindow newest = ServerJob.history(session, instance, ROLLBACK_HISTORY_WINDOW);
        boolean decided = toId != null
                ? newest.records().stream().anyMatch(r -> r.id().equals(toId))
                : latestUndoable(newest.records()).isPresent();
        return decided || !newest.truncated() ? newest.records() : ServerJob.history(session, instance);
    }

    static Optional<String> latestUndoable(List<DeployRecord> history) {
        List<String> undone = history.stream().filter(r -> r.committed() && "rollback".equals(r.kind()))
                .map(DeployRecord::rollbackOf).toList();
        return history.stream().filter(r -> r.committed() && "deploy".equals(r.kind()) && !undone.contains(r.id()))
                .map(DeployRecord::id).reduce((a, b) -> b);
    }

    /** The job directory's files (job, plan, new/NAME, apply.sh): uploaded by a deploy, shipped in a bundle. */
    static Map<String, byte[]> jobFiles(String id, ChangeSet changeSet, String configDirectory, String databaseType,
            Profile profile, DeployOptions options) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder plan = new StringBuilder();
        for (FileChange file : changeSet.files()) {
            if (!file.changed()) {
                continue;
            }
            String expected = file.before() == null ? "absent" : ServerJob.sha256(ServerJob.latin1(file.before()));
            plan.append(file.name()).append("\twrite\t").append(expected).append('\n');
            files.put("new/" + file.name(), ServerJob.latin1(file.after()));
        }
        String jobText = "id=" + id + "\nkind=deploy\nconfig_dir=" + configDirectory
                + "\ndb_type=" + databaseType + "\ncreated=" + ServerJob.created()
                + "\nclient=" + options.client() + "\nprofile=" + profile.preset().jsonName() + "\n"
                + stackLines(changeSet);
        files.put("job", jobText.getBytes(StandardCharsets.UTF_8));
        files.put("plan", plan.toString().getBytes(StandardCharsets.UTF_8));
        files.put("apply.sh", ServerJob.APPLY_SCRIPT);
        return files;
    }

    /**
     * A plan written into a mail stack's override files: the stack (apply.sh then does not reload, decision 0064),
     * what the admin runs to apply it, and where each override file lives.
     */
    static String stackLines(ChangeSet changeSet) {
        StackTarget stack = changeSet.stack();
        if (stack == null) {
            return "";
        }
        StringBuilder lines = new StringBuilder("stack=" + oneLine(stack.stack()) + "\nrestart="
                + oneLine(stack.restart()) + "\n");
        stack.locations().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!e.getValue().startsWith("/") || !oneLine(e.getValue()).equals(e.getValue())) {
                throw new IllegalArgumentException("the override file " + e.getKey() + " needs an absolute path"
                        + " on one line, not '" + e.getValue() + "'");
            }
            lines.append("path.").append(e.getKey()).append('=').append(e.getValue()).append('\n');
        });
        return lines.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\t\\r\\n]", " ");
    }

    private DeployReport record(RemoteSession session, String action, DeployReport report) {
        journal.record(session.target(), action, report);
        return report;
    }

    private record Planned(ServerFacts facts, ChangeSet changeSet, String diff, List<String> lint) {
    }

    /** The state of one deploy or rollback. */
    private final class Run {
        private final RemoteSession session;
        private final DeployListener listener;
        private final List<StepEvent> steps = new ArrayList<>();

        Run(RemoteSession session, DeployListener listener) {
            this.session = session;
            this.listener = listener;
        }

        void event(String step, StepEvent.Status status, String message) {
            StepEvent event = new StepEvent(step, status, message);
            steps.add(event);
            listener.onStep(event);
        }

        Planned plan(Profile profile, DeployOptions options) {
            event("discover", StepEvent.Status.START, "reading the live configuration on " + session.target());
            ServerFacts facts = discovery.discover(session, options.configDirectory(), false);
            event("discover", StepEvent.Status.OK, "Postfix " + facts.postfixVersion() + ", "
                    + facts.configDirectory() + ", default_database_type " + facts.defaultDatabaseType());
            PlanPreview plan = PlanPreview.of(facts.planRequest(profile));
            ChangeSet changeSet = plan.changeSet();
            List<String> lint = plan.findingsAfter().stream()
                    .map(f -> f.id() + " " + f.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + f.message())
                    .toList();
            event("plan", StepEvent.Status.OK, changeSet.changes().size() + " changes in "
                    + changeSet.files().stream().filter(FileChange::changed).count() + " files");
            return new Planned(facts, changeSet, UnifiedDiff.of(changeSet), lint);
        }

        /** The profile cannot be applied to this server (e.g. TLS without any certificate): nothing is sent. */
        DeployReport refusedPlan(Planned planned) {
            String why = String.join(" ", planned.changeSet.refusals());
            event("plan", StepEvent.Status.FAIL, why);
            return report(null, DeployOutcome.REFUSED, "plan", why + " Nothing was changed.", planned, List.of());
        }

        /** Empty when no approval is required or the plan is the approved one; else the refusal, nothing sent. */
        Optional<DeployReport> refuseUnapproved(Planned planned, PlanHash approved) {
            if (approved == null) {
                return Optional.empty();
            }
            PlanHash now = PlanHash.of(planned.changeSet);
            if (now.equals(approved)) {
                event("approval", StepEvent.Status.OK, "the plan is the approved one (plan SHA-256 " + now + ")");
                return Optional.empty();
            }
            String message = "the plan differs from the approved one (approved " + approved + ", now " + now
                    + "): the server's files or the profile changed since the approval; nothing was sent";
            event("approval", StepEvent.Status.FAIL, message);
            return Optional.of(report(null, DeployOutcome.PLAN_CHANGED, "approval", message, planned, List.of()));
        }

        DeployReport commitValidated(ServerJob job, TaggedOutput validation, Planned planned,
                Cancellation cancellation, String action) {
            List<String> certFindings = new ArrayList<>();
            String refusal = validation.text("valid").filter("no"::equals)
                    .map(v -> validation.textOr("reason", "the server rejected the new files")).orElse(null);
            Optional<InspectionReport> inspection = inspectCertificate(validation);
            inspection.ifPresent(r -> r.findings().forEach(f -> certFindings.add(f.id().id() + ": " + f.message())));
            if (refusal == null && inspection.isPresent()
                    && (inspection.get().has(FindingId.KEY_MISMATCH) || inspection.get().has(FindingId.KEY_ENCRYPTED))) {
                refusal = "the certificate and key the new configuration names cannot be used: "
                        + String.join("; ", certFindings);
            }
            if (refusal != null) {
                event("validate", StepEvent.Status.FAIL, refusal);
                job.discard();
                return record(session, action, report(job.id, DeployOutcome.REFUSED, "validate",
                        refusal + "; nothing was changed", planned, certFindings));
            }
            event("validate", StepEvent.Status.OK, "postconf, postmap and the certificate/key check accept the new files");
            if (cancellation.isRequested()) {
                job.discard();
                event("cancel", StepEvent.Status.OK, "cancelled before the commit; job removed, nothing changed");
                return record(session, action, report(job.id, DeployOutcome.CANCELLED, null,
                        "cancelled before the commit; nothing was changed", planned, certFindings));
            }
            event("commit", StepEvent.Status.START, "the server now runs the commit on its own (job " + job.id + ")");
            String[] result;
            try {
                result = job.commit(listener, steps);
            } catch (RemoteException e) {
                event("commit", StepEvent.Status.FAIL, "connection lost during the commit: " + e.getMessage());
                return record(session, action, report(job.id, DeployOutcome.CONNECTION_LOST, "commit",
                        "the connection was lost during the commit; the server finishes it on its own (deployed,"
                                + " or rolled back). Run history to see the result of " + job.id, planned, certFindings));
            }
            String status = result[0];
            String step = result.length > 1 ? result[1] : null;
            String message = result.length > 2 ? result[2] : "";
            DeployOutcome outcome = switch (status) {
                case "committed" -> "written".equals(step) ? DeployOutcome.WRITTEN : DeployOutcome.DEPLOYED;
                case "rolled-back" -> DeployOutcome.ROLLED_BACK;
                case "rollback-failed" -> DeployOutcome.ROLLBACK_FAILED;
                default -> DeployOutcome.REFUSED;
            };
            String text = switch (outcome) {
                case DEPLOYED -> ("rollback".equals(action) ? "rolled back" : "deployed") + " (job " + job.id + ")";
                case WRITTEN -> ("rollback".equals(action) ? "the override files were restored" : "written into the"
                        + " stack's override files") + " (job " + job.id + "), NOT applied yet: Postfix keeps its"
                        + " running settings until the stack restarts its Postfix container. To apply: " + restart(planned);
                case ROLLED_BACK -> "step '" + step + "' failed: " + message + "; the previous configuration was"
                        + " restored and reloaded";
                default -> message;
            };
            return record(session, action, report(job.id, outcome, outcome.succeeded() ? null : step,
                    text, planned, certFindings));
        }

        private String restart(Planned planned) {
            return planned != null && planned.changeSet.stack() != null ? planned.changeSet.stack().restart()
                    : "restart the stack's Postfix container";
        }

        private Optional<InspectionReport> inspectCertificate(TaggedOutput validation) {
            Optional<byte[]> cert = validation.bytes("cert.pem");
            Optional<String> publicKey = validation.text("key.pub");
            if (cert.isEmpty() || publicKey.isEmpty() || PrivateKeyMaterial.isIn(cert.get())) {
                return Optional.empty();
            }
            try {
                String[] meta = validation.textOr("key.meta", "? ? 0").split(" ");
                FileMetadata metadata = new FileMetadata(meta[0], meta.length > 1 ? meta[1] : "?",
                        Integer.parseInt(meta.length > 2 ? meta[2] : "0", 8));
                KeyEvidence key = KeyEvidence.fromServer(FileContent.of("public key of "
                        + validation.textOr("key.path", "?"), publicKey.get().getBytes(StandardCharsets.US_ASCII)),
                        validation.textOr("key.path", "?"), metadata);
                return Optional.of(inspector.inspect(InspectionRequest.of(FileContent.of(
                        validation.textOr("cert.path", "certificate"), cert.get())).withKey(key)));
            } catch (BadInputException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        DeployReport report(String id, DeployOutcome outcome, String failedStep, String message, Planned planned,
                List<String> certFindings) {
            return new DeployReport(id, outcome, failedStep, message, planned == null ? null : planned.changeSet,
                    planned == null ? "" : planned.diff, planned == null ? List.of() : planned.lint, certFindings,
                    steps, session.stats());
        }
    }
}
