package org.postfixtls.wizard.app.workspace;

import java.util.Set;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterService;

/** Which port master.cf runs the public SMTP service on, so the verification probes the port that really listens. */
public final class ListeningPorts {

    public static final int SMTP = 25;

    private ListeningPorts() {
    }

    /**
     * The first active smtpd inet service that is neither wrapper-mode (465-style) nor one of the submission ports:
     * usually {@code smtp} (25); a test server or a relay may use another port.
     */
    public static int smtpPort(String masterCf, Set<Integer> submissionPorts) {
        for (MasterService service : MasterCf.parse(masterCf).services()) {
            if (service.commented() || !"smtpd".equals(service.command().split("\\s+")[0])) {
                continue;
            }
            if ("yes".equals(service.option("smtpd_tls_wrappermode"))) {
                continue;
            }
            var port = service.port();
            if (port.isPresent() && !submissionPorts.contains(port.getAsInt())) {
                return port.getAsInt();
            }
        }
        return SMTP;
    }
}
