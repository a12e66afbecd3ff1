package org.postfixtls.wizard.cli;

/** {@code --format}: text for people, json for scripts (stable field names and finding ids). */
enum OutputFormat {
    text,
    json
}
