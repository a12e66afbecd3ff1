package org.postfixtls.wizard.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.testsupport.Corpus;

class ListeningPortsTest {

    @Test
    void debiansSmtpServiceIsPort25() {
        assertEquals(25, ListeningPorts.smtpPort(Corpus.read("debian12", "master.cf"), Set.of(587, 465)));
    }

    @Test
    void aNumericServiceNameIsItsPortAndSubmissionPortsAreSkipped() {
        String master = "2587 inet n - n - - smtpd\n  -o smtpd_tls_security_level=encrypt\n"
                + "2465 inet n - n - - smtpd\n  -o smtpd_tls_wrappermode=yes\n"
                + "#smtp inet n - y - - smtpd\n"
                + "127.0.0.1:2525 inet n - n - - smtpd\n";
        assertEquals(2525, ListeningPorts.smtpPort(master, Set.of(2587, 2465)));
    }

    @Test
    void noSmtpdServiceFallsBackTo25() {
        assertEquals(25, ListeningPorts.smtpPort("pickup unix n - y 60 1 pickup\n", Set.of(587)));
    }
}
