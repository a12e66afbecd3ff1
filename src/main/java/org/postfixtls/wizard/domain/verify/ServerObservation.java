package org.postfixtls.wizard.domain.verify;

import java.util.Optional;
import org.postfixtls.wizard.domain.kernel.FileMetadata;

/**
 * What the server itself showed (commands run on it): its configuration hash, outbound level, the private key's
 * permissions, posttls-finger against a destination and the mail log summary. Each part is empty with a reason in
 * {@code problems} when it could not be gathered.
 *
 * @param configHash      SHA-256 of {@code postconf -n} plus {@code postconf -M} output: which configuration was verified
 * @param outboundLevel   {@code smtp_tls_security_level}
 * @param keyFile         {@code smtpd_tls_key_file} (empty when not set)
 */
public record ServerObservation(Optional<String> configHash, Optional<String> outboundLevel, Optional<String> keyFile,
                                Optional<FileMetadata> keyMetadata, Optional<OutboundProbe> outboundProbe,
                                Optional<MailLogSummary> mailLog, java.util.List<String> problems) {

    public ServerObservation {
        problems = java.util.List.copyOf(problems);
    }
}
