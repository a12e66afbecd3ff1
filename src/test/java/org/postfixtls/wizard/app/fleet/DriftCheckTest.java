package org.postfixtls.wizard.app.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.deploy.DeployEngine;
import org.postfixtls.wizard.app.deploy.DeployOptions;
import org.postfixtls.wizard.app.remote.ConnectionSettings;
import org.postfixtls.wizard.app.remote.Credentials;
import org.postfixtls.wizard.app.remote.HostKeyDecider;
import org.postfixtls.wizard.app.remote.HostKeyInfo;
import org.postfixtls.wizard.app.remote.Privilege;
import org.postfixtls.wizard.app.remote.RemoteConnector;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.domain.profile.ProfileJson;

/** What a host that cannot be checked reports, and that one host's failure never stops or reorders the others. */
class DriftCheckTest {

    private static ConnectionSettings settings(String host) {
        return new ConnectionSettings(host, 22, "ops", List.of(new Credentials.Agent()), Path.of("/nonexistent"),
                HostKeyDecider.rejectAll(), new Privilege.Root(), Duration.ofSeconds(1));
    }

    private static DriftCheck.Target target(String host) {
        return new DriftCheck.Target(host, () -> settings(host), DeployOptions.defaults());
    }

    @Test
    void unreachableRefusedKeyAndOtherFailuresAreReportedPerHostInOrder() throws Exception {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        RemoteConnector connector = settings -> {
            most.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                HostKeyInfo key = new HostKeyInfo(settings.host(), 22, settings.host(), "ssh-ed25519",
                        "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
                throw switch (settings.host()) {
                    case "down" -> new RemoteException.ConnectionFailed("cannot connect to down:22", null);
                    case "new-key" -> new RemoteException.HostKeyUnknown(key);
                    case "changed-key" -> new RemoteException.HostKeyChanged(key, "known_hosts");
                    default -> new RemoteException.AuthenticationFailed("authentication failed for user ops");
                };
            } finally {
                active.decrementAndGet();
            }
        };
        List<DriftCheck.Target> targets = new ArrayList<>();
        for (String host : List.of("down", "new-key", "changed-key", "locked-out", "down")) {
            targets.add(target(host));
        }
        List<DriftCheck.Result> results = new DriftCheck(connector, new DeployEngine())
                .checkAll(targets, ProfileJson.read("{ \"schema\": 1 }"), 2);
        assertEquals(List.of(DriftCheck.Status.UNREACHABLE, DriftCheck.Status.REFUSED_HOST_KEY,
                DriftCheck.Status.REFUSED_HOST_KEY, DriftCheck.Status.FAILED, DriftCheck.Status.UNREACHABLE),
                results.stream().map(DriftCheck.Result::status).toList());
        assertEquals(List.of("down", "new-key", "changed-key", "locked-out", "down"),
                results.stream().map(DriftCheck.Result::name).toList());
        assertTrue(results.get(3).message().contains("authentication failed"), results.get(3).message());
        assertTrue(most.get() <= 2, "at most 2 connections at a time, saw " + most.get());
    }
}
