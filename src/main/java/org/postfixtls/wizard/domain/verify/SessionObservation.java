package org.postfixtls.wizard.domain.verify;

import java.time.Duration;
import java.util.Optional;

/**
 * What the main SMTP dialog on a port showed: banner, EHLO before TLS, the MAIL FROM test before STARTTLS, the
 * handshake and EHLO after TLS. Empty parts were not reached; {@link #problem} says why the dialog stopped early.
 *
 * @param connected          the TCP connection was established
 * @param banner             the 220 greeting (or the refusal the server greeted with)
 * @param ehloBeforeTls      EHLO reply in plaintext (empty on implicit-TLS ports)
 * @param mailFromBeforeTls  reply to MAIL FROM sent before STARTTLS (only probed on ports that must require TLS)
 * @param starttlsReply      reply to STARTTLS
 * @param handshake          negotiated parameters and the certificates as served
 * @param ehloAfterTls       EHLO reply inside TLS
 * @param problem            why the dialog ended before the end, in words for the report
 */
public record SessionObservation(
        boolean connected,
        Optional<SmtpReply> banner,
        Optional<SmtpReply> ehloBeforeTls,
        Optional<SmtpReply> mailFromBeforeTls,
        Optional<SmtpReply> starttlsReply,
        Optional<HandshakeFacts> handshake,
        Optional<SmtpReply> ehloAfterTls,
        Optional<String> problem,
        Duration elapsed) {

    public static SessionObservation unreachable(String problem, Duration elapsed) {
        return new SessionObservation(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(problem), elapsed);
    }

    public boolean tls() {
        return handshake.isPresent();
    }

    public boolean starttlsOffered() {
        return ehloBeforeTls.map(r -> r.offers("STARTTLS")).orElse(false);
    }

    public Optional<Boolean> authBeforeTls() {
        return ehloBeforeTls.map(r -> r.offers("AUTH"));
    }

    public Optional<Boolean> authAfterTls() {
        return ehloAfterTls.map(r -> r.offers("AUTH"));
    }

    /** The server's name from the 220 greeting ("220 mail.example.com ESMTP ..."). */
    public Optional<String> greetingName() {
        return banner.filter(b -> b.code() == 220).map(b -> b.firstLine().strip().split("\\s+", 2)[0])
                .filter(name -> !name.isEmpty());
    }
}
