package org.postfixtls.wizard.app.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.postfixtls.wizard.app.deploy.DeployEngine;
import org.postfixtls.wizard.app.deploy.DeployOptions;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.remote.ConnectionSettings;
import org.postfixtls.wizard.app.remote.RemoteConnector;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.domain.profile.Profile;

/**
 * Does a server still match the profile? A dry run of the deploy (discover, plan, nothing written): an empty plan
 * is in sync, anything else drifted, with the diff. Many hosts are checked in parallel, at most {@code parallel}
 * connections at a time; one host's failure never stops the others.
 */
public final class DriftCheck {

    public enum Status {
        IN_SYNC("in sync"), DRIFTED("drifted"), UNREACHABLE("unreachable"), REFUSED_HOST_KEY("refused host key"),
        FAILED("failed");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** @param diff the planned change (empty when in sync or when the host could not be checked) */
    public record Result(String name, Status status, String message, String diff, String planSha256) {
    }

    /** One host to check: its name (for the report) and its connection, built lazily (it may be bad input). */
    public record Target(String name, Supplier<ConnectionSettings> settings, DeployOptions options) {
    }

    private final RemoteConnector connector;
    private final DeployEngine engine;

    public DriftCheck(RemoteConnector connector, DeployEngine engine) {
        this.connector = connector;
        this.engine = engine;
    }

    public Result check(Target target, Profile profile) {
        try (RemoteSession session = connector.connect(target.settings().get())) {
            DeployReport report = engine.dryRun(session, profile, target.options(), event -> { });
            String hash = report.planHash().map(Object::toString).orElse(null);
            return switch (report.outcome()) {
                case NO_CHANGES -> new Result(target.name(), Status.IN_SYNC, report.message(), "", hash);
                case DRY_RUN -> new Result(target.name(), Status.DRIFTED, report.changeSet().changes().size()
                        + " changes would bring it back to the profile", report.diff(), hash);
                default -> new Result(target.name(), Status.FAILED, report.message(), report.diff(), hash);
            };
        } catch (RemoteException.HostKeyUnknown | RemoteException.HostKeyChanged e) {
            return new Result(target.name(), Status.REFUSED_HOST_KEY, e.getMessage(), "", null);
        } catch (RemoteException.ConnectionFailed | RemoteException.Timeout e) {
            return new Result(target.name(), Status.UNREACHABLE, e.getMessage(), "", null);
        } catch (RuntimeException e) {
            return new Result(target.name(), Status.FAILED, e.getMessage() == null ? e.toString() : e.getMessage(),
                    "", null);
        }
    }

    /** Every target, in the given order, checked with at most {@code parallel} at a time. */
    public List<Result> checkAll(List<Target> targets, Profile profile, int parallel) {
        List<Result> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, targets.size())))) {
            List<Future<Result>> futures = new ArrayList<>();
            for (Target target : targets) {
                futures.add(pool.submit(() -> check(target, profile)));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    results.add(new Result(targets.get(i).name(), Status.FAILED, String.valueOf(e.getCause()), "",
                            null));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    results.add(new Result(targets.get(i).name(), Status.FAILED, "interrupted", "", null));
                }
            }
        }
        return results;
    }

}
