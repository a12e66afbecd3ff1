package org.postfixtls.wizard.domain.config.lint;

/** One lint result: a stable rule id, how bad it is, what is wrong and how to fix it. */
public record Finding(String id, Severity severity, String message, String fix) {
}
