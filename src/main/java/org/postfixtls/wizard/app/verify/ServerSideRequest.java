package org.postfixtls.wizard.app.verify;

import java.util.Objects;
import java.util.Optional;

/**
 * What to check on the server itself.
 *
 * @param configDir           Postfix config directory when not the default (passed as {@code -c}/MAIL_CONFIG)
 * @param outboundLevel       the outbound level the wizard chose ({@code may} per the runbook); also the posttls-finger level
 * @param outboundDestination a destination for posttls-finger ({@code example.org}, {@code [mx.example.org]:25})
 * @param caFile              CA file for posttls-finger's verification
 */
public record ServerSideRequest(Optional<String> configDir, String outboundLevel, Optional<String> outboundDestination,
                                Optional<String> caFile) {

    public ServerSideRequest {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(outboundLevel, "outboundLevel");
        Objects.requireNonNull(outboundDestination, "outboundDestination");
        Objects.requireNonNull(caFile, "caFile");
    }
}
