package org.postfixtls.wizard.ui.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A verification recorded from the project's test bed (a real Postfix 3.7 with Dovecot) and shipped as data, so the
 * demo can show what the Verify step proves before and after the wizard's change without a server. Written by
 * {@code .ci/record-demo-verification}; the page labels it as recorded, with its date and server, never as live.
 *
 * @param recordedOn the day it was recorded (ISO date)
 * @param server     what it was recorded from ("Postfix 3.7.11 test server")
 * @param moment     what state the server was in, for people
 * @param display    the report, drawn like a live one
 */
record RecordedVerification(String recordedOn, String server, String moment, VerifyDisplay display) {

    /** The two recordings: the test server as found, and after deploying the demo's choices to it. */
    enum Moment {
        BEFORE("verify-before.json"), AFTER("verify-after.json");

        private final String resource;

        Moment(String resource) {
            this.resource = resource;
        }
    }

    static RecordedVerification load(Moment moment) {
        try (InputStream in = RecordedVerification.class.getResourceAsStream("recorded/" + moment.resource)) {
            if (in == null) {
                throw new IllegalStateException("recorded/" + moment.resource + " is missing from the application");
            }
            return of(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RecordedVerification of(JsonNode recording) {
        return new RecordedVerification(recording.path("recordedOn").asText(), recording.path("server").asText(),
                recording.path("moment").asText(), VerifyDisplay.ofDocument(recording.path("report")));
    }

    /** The label above it: says plainly that this is a recording, when and where it was made. */
    String label() {
        return "RECORDED on " + recordedOn + " from a " + server + " — not measured now (the demo server has no "
                + "network ports). " + moment;
    }
}
