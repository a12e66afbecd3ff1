package org.postfixtls.wizard.architecture.violation.domain;

/** Test fixture: a "domain" class that reaches for JavaFX and JSch, which the layering rules must reject. */
public final class DomainClassThatBreaksTheRules {

    public String leak(javafx.scene.control.Label label, com.jcraft.jsch.Session session) {
        return label.getText() + session.getHost();
    }
}
