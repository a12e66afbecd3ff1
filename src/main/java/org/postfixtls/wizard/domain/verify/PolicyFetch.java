package org.postfixtls.wizard.domain.verify;

import java.util.Objects;

/**
 * What became of fetching the MTA-STS policy file. A server that was reached but served it wrongly (HTTP error,
 * redirect, wrong media type, untrusted certificate) is a finding; not having been able to look is "not checked".
 */
public sealed interface PolicyFetch {

    /** The policy file as served. */
    record Fetched(String body) implements PolicyFetch {
        public Fetched {
            Objects.requireNonNull(body, "body");
        }
    }

    /** The policy host answered, but senders cannot use what it serves. */
    record NotServed(String problem) implements PolicyFetch {
        public NotServed {
            Objects.requireNonNull(problem, "problem");
        }
    }

    /** Nothing was learned (no TXT record to follow, offline, timeout, not configured). */
    record NotChecked(String reason) implements PolicyFetch {
        public NotChecked {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
