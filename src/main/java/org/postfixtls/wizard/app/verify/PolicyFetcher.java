package org.postfixtls.wizard.app.verify;

import org.postfixtls.wizard.domain.verify.PolicyFetch;

/** Fetches a domain's MTA-STS policy file the way a sending server would (the network adapter implements it). */
@FunctionalInterface
public interface PolicyFetcher {

    /** Never throws: every outcome, including "could not look", is a {@link PolicyFetch}. */
    PolicyFetch fetch(String domain);
}
