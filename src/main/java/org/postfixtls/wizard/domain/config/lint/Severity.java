package org.postfixtls.wizard.domain.config.lint;

public enum Severity {
    INFO, WARNING, ERROR
}
