package org.postfixtls.wizard.domain.verify;

import java.util.List;

/** The server-side part of the verification, judged. */
public record ServerResult(ServerObservation observation, List<Check> checks) {

    public ServerResult {
        checks = List.copyOf(checks);
    }

    public CheckStatus status() {
        return Verdicts.worst(checks);
    }
}
