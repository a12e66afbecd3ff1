package org.postfixtls.wizard.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.postfixtls.wizard.adapter.local.JsonLinesJournal;
import org.postfixtls.wizard.adapter.ssh.SshConnector;
import org.postfixtls.wizard.app.deploy.DeployEngine;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.deploy.StepEvent;
import org.postfixtls.wizard.app.discovery.Discovery;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.domain.cert.CertificateInspector;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shared plumbing of discover/deploy/rollback/history: options, connection, engine, report printing. */
abstract class RemoteCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RemoteOptions remote;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: text).")
    OutputFormat format;

    @Override
    public final Integer call() {
        CommandLine cmd = spec.commandLine();
        validateInput(cmd);
        var settings = remote.settings(cmd);
        try (RemoteSession session = new SshConnector().connect(settings)) {
            return run(session, cmd.getOut(), cmd.getErr());
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (RuntimeException e) {
            if ("1".equals(System.getenv("PFTW_DEBUG"))) {
                e.printStackTrace(cmd.getErr());
            }
            return RemoteFailures.report(cmd.getErr(), spec.qualifiedName(), e);
        }
    }

    abstract int run(RemoteSession session, PrintWriter out, PrintWriter err);

    /** Checks local input before connecting; throws a ParameterException (exit 2) naming the option. */
    void validateInput(CommandLine cmd) {
    }

    DeployEngine engine() {
        return new DeployEngine(new Discovery(), new CertificateInspector(), new JsonLinesJournal(
                remote.journal == null ? JsonLinesJournal.defaultFile() : remote.journal));
    }

    void progress(PrintWriter out, StepEvent event) {
        if (format == OutputFormat.text) {
            String mark = switch (event.status()) {
                case START -> "..";
                case OK -> "ok";
                case FAIL -> "FAIL";
                case INFO -> "--";
            };
            out.println("[" + mark + "] " + event.step() + ": " + event.message());
            out.flush();
        }
    }

    /** Exit code of a deploy/rollback report: 0 deployed or nothing to do, 1 failed (rolled back or refused). */
    int finish(DeployReport report, PrintWriter out, PrintWriter err, boolean showDiff) {
        if (format == OutputFormat.json) {
            out.println(Json.write(json(report)));
        } else {
            if (showDiff && !report.diff().isEmpty()) {
                out.print(report.diff());
            }
            report.planHash().ifPresent(hash -> PlanHashOption.print(out, hash));
            report.lintFindings().forEach(f -> out.println("lint: " + f));
            report.certFindings().forEach(f -> out.println("certificate: " + f));
            out.println(summary(report));
        }
        out.flush();
        if (!report.outcome().succeeded()) {
            err.println(spec.qualifiedName() + ": " + summary(report));
            err.flush();
            return ExitCodes.PROBLEMS;
        }
        return ExitCodes.OK;
    }

    private static String summary(DeployReport report) {
        return switch (report.outcome()) {
            case DEPLOYED, NO_CHANGES, DRY_RUN -> report.message();
            case WRITTEN -> "WRITTEN, NOT APPLIED: " + report.message();
            case ROLLED_BACK -> "FAILED and ROLLED BACK: " + report.message();
            case REFUSED, CANCELLED -> "FAILED, nothing was changed: " + report.message();
            case PLAN_CHANGED -> "REFUSED, nothing was changed: " + report.message() + ". If the new diff is right,"
                    + " deploy it with --expect-plan " + report.planHash().map(Object::toString).orElse("");
            case ROLLBACK_FAILED -> "FAILED and the automatic rollback FAILED too: " + report.message();
            case CONNECTION_LOST -> "UNKNOWN: " + report.message();
        };
    }

    static Map<String, Object> json(DeployReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("deployId", report.deployId());
        doc.put("outcome", report.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        doc.put("changedNothing", report.outcome().changedNothing());
        doc.put("failedStep", report.failedStep());
        doc.put("message", report.message());
        doc.put("changes", report.changeSet() == null ? List.of() : report.changeSet().changes().stream()
                .map(c -> Map.of("summary", c.summary(), "reason", c.reason())).toList());
        doc.put("diff", report.diff());
        doc.put("planSha256", report.planHash().map(Object::toString).orElse(null));
        doc.put("lint", report.lintFindings());
        doc.put("certificate", report.certFindings());
        doc.put("steps", report.steps().stream().map(s -> Map.of("step", s.step(),
                "status", s.status().name().toLowerCase(java.util.Locale.ROOT), "message", s.message())).toList());
        doc.put("sshConnections", report.stats().connections());
        doc.put("remoteCommands", report.stats().commands());
        return doc;
    }
}
