package org.postfixtls.wizard.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a mail stack's container start makes of a configuration directory holding main.cf, master.cf and the
 * stack's override files, done the way each stack's own script does it, with the real shell and the real postconf
 * (independent of the planner's Java model of it):
 * <ul>
 * <li>mailcow (data/Dockerfiles/postfix/postfix.sh): {@code sed -i '/Overrides/q' main.cf}, a blank line,
 * {@code # User Overrides}, then extra.cf appended.</li>
 * <li>docker-mailserver (setup: postfix override configuration): each {@code [0-9a-z]} line of
 * postfix-master.cf through {@code postconf -P}; postfix-main.cf appended to main.cf, then main.cf replaced by
 * {@code postconf -n}.</li>
 * <li>Mailu (core/postfix/start.py): {@code os.system('postconf -e "{}"'.format(line))} for each line of
 * postfix.cf and {@code postconf -Me} for postfix.master, skipping blank and {@code #} lines: /bin/sh reads each
 * line inside double quotes.</li>
 * </ul>
 */
public final class StackStart {

    private StackStart() {
    }

    /** A copy of {@code dir} as the stack's start leaves it, in {@code into}. */
    public static Path apply(String stack, Path dir, Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.copy(f, into.resolve(f.getFileName()));
            }
        }
        String script = switch (stack) {
            case "mailcow" -> """
                    cd "$1" && [ -f extra.cf ] || exit 0
                    sed -i '/Overrides/q' main.cf && echo >> main.cf && echo -e "\\n# User Overrides" >> main.cf
                    cat extra.cf >> main.cf
                    """;
            case "docker-mailserver" -> """
                    cd "$1" || exit 1
                    if [ -f postfix-master.cf ]; then
                      while read -r LINE; do
                        [[ ${LINE} =~ ^[0-9a-z] ]] && { postconf -c "$1" -P "${LINE}" || exit 1; }
                      done < postfix-master.cf
                    fi
                    if [ -f postfix-main.cf ]; then
                      cat postfix-main.cf >> main.cf
                      postconf -c "$1" -n > /tmp/postfix-main-new.$$ 2>/dev/null && mv /tmp/postfix-main-new.$$ main.cf
                    fi
                    exit 0
                    """;
            case "mailu" -> """
                    cd "$1" || exit 1
                    for pair in postfix.cf:-e postfix.master:-Me; do
                      f=${pair%%:*}; opt=${pair##*:}
                      [ -f "$f" ] || continue
                      while IFS= read -r line; do
                        case "$line" in ''|'#'*) continue ;; esac
                        sh -c "postconf -c \\"$1\\" $opt \\"$line\\"" || exit 1
                      done < "$f"
                    done
                    exit 0
                    """;
            default -> throw new IllegalArgumentException("no stack start for " + stack);
        };
        Tools.Output run = Tools.run(List.of("bash", "-c", script, "stack-start", into.toString()), "", 60);
        if (run.exitCode() != 0) {
            throw new IllegalStateException(stack + "'s start fails on the planned files: " + run.text());
        }
        // Postfix pauses on a main.cf younger than 2 s; the copy is not being edited
        Tools.run(List.of("bash", "-c", "touch -d '-5 seconds' \"$1\"/*", "touch", into.toString()), "", 10);
        return into;
    }
}
