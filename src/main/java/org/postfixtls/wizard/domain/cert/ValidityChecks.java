package org.postfixtls.wizard.domain.cert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.postfixtls.wizard.domain.text.Counted;

/** Dates of every certificate in the chain: an expired intermediate breaks verification as much as the leaf. */
final class ValidityChecks {

    private ValidityChecks() {
    }

    static void check(List<ParsedCertificate> chain, Instant now, Duration window, Consumer<Finding> findings) {
        for (ParsedCertificate certificate : chain) {
            if (now.isAfter(certificate.notAfter())) {
                findings.accept(new Finding(FindingId.EXPIRED,
                        certificate.label() + " expired on " + certificate.notAfter(),
                        "Renew the certificate (certbot renew) and reload Postfix"));
            } else if (now.isBefore(certificate.notBefore())) {
                findings.accept(new Finding(FindingId.NOT_YET_VALID,
                        certificate.label() + " is not valid before " + certificate.notBefore(),
                        "Check the server clock, or wait until the certificate becomes valid before deploying it"));
            } else if (now.plus(window).isAfter(certificate.notAfter())) {
                long days = Duration.between(now, certificate.notAfter()).toDays();
                findings.accept(new Finding(FindingId.EXPIRES_SOON,
                        certificate.label() + " expires in " + Counted.of(days, "day") + ", on " + certificate.notAfter(),
                        "Renew now and check that automatic renewal (certbot timer + deploy hook) works"));
            }
        }
    }
}
