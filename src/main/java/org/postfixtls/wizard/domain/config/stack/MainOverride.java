package org.postfixtls.wizard.domain.config.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postfixtls.wizard.domain.config.maincf.MainCf;

/**
 * The main.cf half of a stack's override: what Postfix will run after the stack's next start, and the override
 * file edited in place (the ConfigDocument way: a setting already there has its line replaced, a new one is
 * appended once, every other line stays byte for byte).
 */
public final class MainOverride {

    /** The line mailcow's postfix.sh writes before appending extra.cf to main.cf. */
    static final String MAILCOW_USER_OVERRIDES = "# User Overrides";
    static final String SECTION_COMMENT = "# TLS settings added by Postfix TLS Wizard";
    private static final Pattern MAILCOW_CUT = Pattern.compile("(?m)^.*Overrides.*$");

    /** What the override file became, which settings it carries and what it cannot express. */
    public record Result(String before, String after, Set<String> written, List<String> notExpressible) {
    }

    private MainOverride() {
    }

    /**
     * main.cf as the stack's start leaves it: mailcow cuts main.cf after its {@code # Overrides #} line and appends
     * extra.cf ({@code sed -i '/Overrides/q'}, postfix.sh); docker-mailserver appends postfix-main.cf and keeps the
     * last definition of each name ({@code postconf -n}); Mailu runs {@code postconf -e} for each line.
     */
    public static String effective(StackLayout layout, String liveMain, String override) {
        if (override == null) {
            return liveMain;
        }
        if (layout.stack() == MailStack.MAILCOW) {
            return mailcowStart(liveMain, override);
        }
        MainCf main = MainCf.parse(liveMain);
        parameters(layout, override).forEach(main::set);
        return main.render();
    }

    /** mailcow: main.cf up to and with '# User Overrides' (or cut after the 'Overrides' line), then extra.cf. */
    static String mailcowStart(String liveMain, String extraCf) {
        int user = lineStart(liveMain, MAILCOW_USER_OVERRIDES);
        String head;
        if (user >= 0) {
            int end = liveMain.indexOf('\n', user);
            head = end < 0 ? liveMain + "\n" : liveMain.substring(0, end + 1);
        } else {
            Matcher cut = MAILCOW_CUT.matcher(liveMain);
            head = cut.find() ? liveMain.substring(0, cut.end()) + "\n\n" + MAILCOW_USER_OVERRIDES + "\n"
                    : liveMain + (liveMain.endsWith("\n") || liveMain.isEmpty() ? "" : "\n");
        }
        return head + extraCf;
    }

    /** mailcow's extra.cf as the live main.cf shows it (after '# User Overrides'), when no copy of it was given. */
    public static String mailcowExtraFromMain(String liveMain) {
        int user = lineStart(liveMain, MAILCOW_USER_OVERRIDES);
        if (user < 0) {
            return null;
        }
        int end = liveMain.indexOf('\n', user);
        return end < 0 ? "" : liveMain.substring(end + 1);
    }

    private static int lineStart(String text, String line) {
        int at = text.startsWith(line) ? 0 : text.indexOf("\n" + line);
        return at <= 0 ? at : at + 1;
    }

    /** The settings an override file makes, as Postfix receives them. */
    static Map<String, String> parameters(StackLayout layout, String override) {
        Map<String, String> values = new LinkedHashMap<>();
        MainCf.parse(override == null ? "" : override).parameters().forEach((name, value) -> values.put(name,
                layout.stack() == MailStack.MAILU ? ShellQuoting.unescape(value) : value));
        return values;
    }

    /**
     * Edits the override file so that the stack's start gives every value of {@code after} that differs from
     * {@code before} (both are main.cf as Postfix runs it). A parameter the plan removes can only be removed where
     * the override file sets it; anything else is returned as not expressible.
     */
    public static Result write(StackLayout layout, String existing, String before, String after) {
        Map<String, String> old = MainCf.parse(before).parameters();
        Map<String, String> now = MainCf.parse(after).parameters();
        MainCf file = MainCf.parse(existing == null ? "" : existing);
        Set<String> written = new LinkedHashSet<>();
        List<String> notExpressible = new ArrayList<>();
        for (String name : old.keySet()) {
            if (!now.containsKey(name)) {
                if (file.remove(name)) {
                    written.add(name);
                } else {
                    notExpressible.add(name);
                }
            }
        }
        boolean mailu = layout.stack() == MailStack.MAILU;
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (e.getValue().equals(old.get(e.getKey()))) {
                continue;
            }
            if (file.get(e.getKey()).isEmpty() && !file.render().contains(SECTION_COMMENT)) {
                file.appendComment(SECTION_COMMENT);
            }
            // Mailu applies each physical line on its own: the value must stay on one line
            String value = mailu ? ShellQuoting.escape(e.getValue().replaceAll("\\s*\\R\\s*", " ")) : e.getValue();
            file.set(e.getKey(), value);
            written.add(e.getKey());
        }
        String rendered = file.render();
        return new Result(existing, existing == null && rendered.isEmpty() ? null : rendered, written, notExpressible);
    }
}
