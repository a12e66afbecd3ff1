package org.postfixtls.wizard.app.verify;

import org.postfixtls.wizard.domain.verify.DnsAnswer;
import org.postfixtls.wizard.domain.verify.DnsQueryType;

/**
 * Asks DNS one question. Implementations never throw for network trouble: no answer is
 * {@link DnsAnswer#unreachable(String)}, so the checks say "not checked" instead of passing or failing.
 */
public interface DnsResolver {

    DnsAnswer query(String name, DnsQueryType type);
}
