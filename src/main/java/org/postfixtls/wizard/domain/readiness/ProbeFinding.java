package org.postfixtls.wizard.domain.readiness;

import java.util.Optional;
import org.postfixtls.wizard.domain.verify.OutboundProbe;

/**
 * A live test of one destination from the server ({@code posttls-finger -l LEVEL}): did it meet the level that
 * would apply, with what grade, and the line that shows it.
 */
public record ProbeFinding(String target, String level, Result result, Optional<TlsGrade> grade, String detail) {

    public enum Result {
        MET("met"), NOT_MET("not-met"), ERROR("error");

        private final String jsonName;

        Result(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    public static ProbeFinding from(OutboundProbe probe) {
        Optional<TlsGrade> grade = probe.trust().map(t -> switch (t) {
            case VERIFIED -> TlsGrade.VERIFIED;
            case TRUSTED -> TlsGrade.TRUSTED;
            case UNTRUSTED -> TlsGrade.UNTRUSTED;
            case ANONYMOUS -> TlsGrade.ANONYMOUS;
            case PLAINTEXT -> TlsGrade.NONE;
        });
        String detail;
        if (probe.protocol().isPresent()) {
            detail = grade.map(TlsGrade::jsonName).orElse("?") + " TLS, " + probe.protocol().get() + " with "
                    + probe.cipher().orElse("?");
            if (!probe.satisfiesLevel()) {
                detail += firstProblem(probe).map(p -> "; " + p).orElse("");
            }
        } else {
            detail = firstProblem(probe).orElse(grade.isPresent() ? "no STARTTLS offered" : "no connection");
        }
        return new ProbeFinding(probe.destination(), probe.level(),
                probe.satisfiesLevel() ? Result.MET : Result.NOT_MET, grade, detail);
    }

    public static ProbeFinding error(String target, String level, String why) {
        return new ProbeFinding(target, level, Result.ERROR, Optional.empty(), why);
    }

    /** posttls-finger's own words for what went wrong, when it said so. */
    private static Optional<String> firstProblem(OutboundProbe probe) {
        return probe.output().stream()
                .filter(l -> l.contains("verification failed") || l.contains("STARTTLS") || l.contains("fatal")
                        || l.contains("Failed") || l.contains("not verified") || l.contains("TLSA")
                        || l.contains("Connection refused") || l.contains("timed out") || l.contains("not found"))
                .findFirst()
                .map(l -> l.replaceFirst("^posttls-finger: ", ""));
    }
}
