package org.postfixtls.wizard.app.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** DNS, and MTA-STS with it, are only looked up for a run that checks a mail domain. */
class VerificationToolsTest {

    private final AtomicInteger resolvers = new AtomicInteger();
    private final AtomicInteger fetchers = new AtomicInteger();

    private VerificationTools tools(boolean systemHasResolver) {
        PortProber prober = (PortProber) Proxy.newProxyInstance(PortProber.class.getClassLoader(),
                new Class<?>[] {PortProber.class}, (proxy, method, args) -> {
                    throw new AssertionError("no probe runs while an engine is only being built");
                });
        return new VerificationTools(prober, () -> {
            resolvers.incrementAndGet();
            return systemHasResolver ? Optional.of((name, type) -> {
                throw new AssertionError("no lookup while an engine is only being built");
            }) : Optional.empty();
        }, () -> {
            fetchers.incrementAndGet();
            return domain -> {
                throw new AssertionError("no fetch while an engine is only being built");
            };
        }, Clock.systemUTC());
    }

    @Test
    void aRunWithoutAMailDomainAsksForNoResolverAndNoFetcher() {
        tools(true).engine(false, Optional.empty());
        assertEquals(0, resolvers.get());
        assertEquals(0, fetchers.get());
    }

    @Test
    void aRunWithAMailDomainGetsOneResolverAndOneFetcher() {
        tools(true).engine(true, Optional.empty());
        assertEquals(1, resolvers.get());
        assertEquals(1, fetchers.get());
    }

    @Test
    void withoutAResolverThereIsNoPolicyFetchEither() {
        tools(false).engine(true, Optional.empty());
        assertEquals(1, resolvers.get());
        assertEquals(0, fetchers.get(), "MTA-STS needs the TXT record first");
    }
}
