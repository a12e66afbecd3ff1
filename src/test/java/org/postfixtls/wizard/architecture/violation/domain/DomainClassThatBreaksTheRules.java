package org.postfixtls.wizard.architecture.violation.domain;

/** Test fixture: a "domain" class that reaches for JavaFX, JSch and the file system, which the layering rules must reject. */
public final class DomainClassThatBreaksTheRules {

    public String leak(javafx.scene.control.Label label, com.jcraft.jsch.Session session) {
        return label.getText() + session.getHost();
    }

    public boolean peek(String path) {
        return new java.io.File(path).exists();
    }
}
