package org.postfixtls.wizard.app.deploy;

/**
 * One line of deploy progress: which step ({@code discover}, {@code plan}, {@code approval}, {@code upload}, {@code validate},
 * {@code lock}, {@code check-live}, {@code backup}, {@code swap}, {@code postmap}, {@code check}, {@code reload},
 * {@code health}, {@code rollback}, ...), its status and a log line for people.
 */
public record StepEvent(String step, Status status, String message) {

    public enum Status { START, OK, FAIL, INFO }

    static StepEvent parse(String step, String status, String message) {
        Status parsed = switch (status) {
            case "start" -> Status.START;
            case "ok" -> Status.OK;
            case "fail" -> Status.FAIL;
            default -> Status.INFO;
        };
        return new StepEvent(step, parsed, message);
    }
}
