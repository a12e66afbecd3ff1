package org.postfixtls.wizard.adapter.net;

import java.util.Vector;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.postfixtls.wizard.domain.verify.KeyExchangeOffer;

/**
 * The probe client limited to TLS 1.3 and the key-exchange groups of one {@link KeyExchangeOffer}, with a key
 * share for every group it offers (decision 0067: Bouncy Castle 1.84 implements X25519MLKEM768 in its low-level
 * API; the JDK's JSSE does not offer it).
 */
final class KeyExchangeTlsClient extends ProbeTlsClient {

    private final Vector<Integer> groups = new Vector<>();

    KeyExchangeTlsClient(KeyExchangeOffer offer, String host) {
        super(new ProtocolVersion[] {ProtocolVersion.TLSv13}, host);
        groups.add(NamedGroup.X25519MLKEM768);
        if (offer == KeyExchangeOffer.PQ_AND_X25519) {
            groups.add(NamedGroup.x25519);
        }
    }

    @Override
    protected Vector<Integer> getSupportedGroups(@SuppressWarnings("rawtypes") Vector namedGroupRoles) {
        return new Vector<>(groups);
    }

    @Override
    public Vector<Integer> getEarlyKeyShareGroups() {
        return new Vector<>(groups);
    }

    /** True when this machine's Bouncy Castle can compute the group (a probe that could not proves nothing). */
    boolean canOffer() {
        // Bouncy Castle's crypto answers for single groups only; a hybrid works when both of its halves do
        int group = NamedGroup.X25519MLKEM768;
        return getCrypto().hasNamedGroup(group) || NamedGroup.refersToASpecificHybrid(group)
                && getCrypto().hasNamedGroup(NamedGroup.getHybridFirst(group))
                && getCrypto().hasNamedGroup(NamedGroup.getHybridSecond(group));
    }
}
