package org.postfixtls.wizard.app.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;
import org.postfixtls.wizard.app.readiness.LogSource;
import org.postfixtls.wizard.app.readiness.ReadinessException;
import org.postfixtls.wizard.domain.readiness.LogLineSplitter;

/**
 * The demo server's mail log: two weeks of outbound mail in Postfix 3.7's own line formats (built by
 * src/test/readiness-tools/make_demo_maillog.py): providers with trusted certificates, a partner bank, a supplier
 * without STARTTLS, an appliance with a self-signed certificate, a small ISP with one MX without STARTTLS.
 */
public final class DemoMailLog implements LogSource {

    @Override
    public String describe() {
        return "the demo server's mail log";
    }

    @Override
    public void readInto(LogLineSplitter lines, BooleanSupplier cancelled) {
        try (InputStream in = DemoMailLog.class.getResourceAsStream("demo/mail.log")) {
            if (in == null) {
                throw new ReadinessException("the demo mail log is missing from the application");
            }
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (cancelled.getAsBoolean()) {
                    throw new ReadinessException.Cancelled();
                }
                lines.feed(buffer, 0, n);
            }
            lines.finish();
        } catch (IOException e) {
            throw new ReadinessException("cannot read the demo mail log: " + e.getMessage(), e);
        }
    }
}
