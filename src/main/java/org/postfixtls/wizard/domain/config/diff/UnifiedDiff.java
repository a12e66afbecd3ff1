package org.postfixtls.wizard.domain.config.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.FileChange;

/** Unified diffs (3 lines of context) of a change set: the text the CLI prints and the GUI preview shows. */
public final class UnifiedDiff {

    private UnifiedDiff() {
    }

    /** The diff of one file, empty when it did not change. */
    public static String of(FileChange file) {
        if (!file.changed()) {
            return "";
        }
        List<String> before = lines(file.before() == null ? "" : file.before());
        List<String> after = lines(file.after());
        Patch<String> patch = DiffUtils.diff(before, after);
        String from = file.before() == null ? "/dev/null" : "a/" + file.name();
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(from, "b/" + file.name(), before, patch, 3);
        StringBuilder out = new StringBuilder();
        diff.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    public static String of(ChangeSet changeSet) {
        StringBuilder out = new StringBuilder();
        changeSet.files().forEach(f -> out.append(of(f)));
        return out.toString();
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
