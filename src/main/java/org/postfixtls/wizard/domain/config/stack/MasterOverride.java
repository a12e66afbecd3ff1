package org.postfixtls.wizard.domain.config.stack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterService;
import org.postfixtls.wizard.domain.config.text.KeyValueDocument;
import org.postfixtls.wizard.domain.config.text.PhysicalLines;

/**
 * The master.cf half of a stack's override, edited in place like main.cf: docker-mailserver's postfix-master.cf
 * holds {@code service/type/parameter=value} lines that its start passes to {@code postconf -P} (so it can only
 * change {@code -o} options of services that exist); Mailu's postfix.master holds one complete entry per line,
 * {@code service/type = fields}, passed to {@code postconf -Me}.
 */
public final class MasterOverride {

    private static final Pattern DMS_LINE = Pattern.compile("([0-9a-z][^=\\s]*/[^=\\s/]+/[^=\\s]+)=(.*)", Pattern.DOTALL);
    private static final Pattern MAILU_LINE = Pattern.compile("([^=\\s/]+/[^=\\s/]+)\\s*=(.*)", Pattern.DOTALL);

    static final KeyValueDocument.Syntax DMS = syntax(DMS_LINE, "=");
    static final KeyValueDocument.Syntax MAILU = syntax(MAILU_LINE, " = ");

    /** What the file became, the services ({@code name/type}) it now changes, and what it cannot express. */
    public record Result(String before, String after, Set<String> services, List<String> notExpressible) {
    }

    private MasterOverride() {
    }

    private static KeyValueDocument.Syntax syntax(Pattern line, String separator) {
        return new KeyValueDocument.Syntax() {
            @Override
            public String[] split(String content) {
                Matcher m = line.matcher(content);
                return m.matches() ? new String[] {m.group(1), m.group(2)} : null;
            }

            @Override
            public String render(String key, String value) {
                return key + separator + value;
            }
        };
    }

    /**
     * master.cf after the stack's start applied the override: docker-mailserver sets each {@code -o} option
     * ({@code postconf -P}); Mailu replaces or adds each entry ({@code postconf -Me}; here the old entry is commented
     * out and the new one appended, which Postfix reads alike).
     */
    public static String effective(StackLayout layout, String liveMaster, String override) {
        if (override == null || !layout.hasMasterOverride()) {
            return liveMaster;
        }
        MasterCf master = MasterCf.parse(liveMaster);
        if (layout.stack() == MailStack.MAILU) {
            for (KeyValueDocument.Entry entry : KeyValueDocument.parse(override, MAILU, true).entries()) {
                if (entry.isEntry()) {
                    String[] key = entry.key().split("/", 2);
                    find(master, key[0], key[1]).ifPresent(s -> master.commentOut(master.indexOf(s)));
                    master.appendService(ShellQuoting.unescape(entry.value()).trim(), java.util.Map.of());
                }
            }
            return master.render();
        }
        for (KeyValueDocument.Entry entry : KeyValueDocument.parse(override, DMS, true).entries()) {
            if (!entry.isEntry()) {
                continue;
            }
            String[] key = entry.key().split("/", 3);
            find(master, key[0], key[1]).ifPresent(s -> master.setOptions(master.indexOf(s),
                    java.util.Map.of(key[2], entry.value())));
        }
        return master.render();
    }

    /** Edits the override so that the stack's start turns {@code before} into {@code after}. */
    public static Result write(StackLayout layout, String existing, String before, String after) {
        MasterCf old = MasterCf.parse(before);
        MasterCf now = MasterCf.parse(after);
        boolean dms = layout.stack() == MailStack.DOCKER_MAILSERVER;
        KeyValueDocument file = KeyValueDocument.parse(existing == null ? "" : existing, dms ? DMS : MAILU, true);
        Set<String> services = new LinkedHashSet<>();
        List<String> notExpressible = new ArrayList<>();
        for (MasterService service : now.services()) {
            String key = service.name() + "/" + service.type();
            Optional<MasterService> was = find(old, service.name(), service.type());
            if (was.isPresent() && sameEntry(old, was.get(), now, service)) {
                continue;
            }
            if (dms) {
                if (was.isEmpty()) {
                    notExpressible.add("the new service " + key);
                    continue;
                }
                service.options().forEach((name, value) -> {
                    if (!value.equals(was.get().option(name))) {
                        file.set(key + "/" + name, value);
                    }
                });
                was.get().options().keySet().stream().filter(n -> service.option(n) == null)
                        .forEach(n -> notExpressible.add("removing -o " + n + " from " + key));
            } else {
                file.set(key, ShellQuoting.escape(oneLine(now, service)));
            }
            services.add(key);
        }
        for (MasterService service : old.services()) {
            if (find(now, service.name(), service.type()).isEmpty()) {
                notExpressible.add("disabling the service " + service.name() + "/" + service.type());
            }
        }
        String rendered = file.render();
        return new Result(existing, existing == null && rendered.isEmpty() ? null : rendered, services,
                notExpressible);
    }

    private static boolean sameEntry(MasterCf oldCf, MasterService old, MasterCf nowCf, MasterService now) {
        return oneLine(oldCf, old).equals(oneLine(nowCf, now));
    }

    /** The service's entry on one line, as postconf -M prints it: fields and arguments, comments left out. */
    static String oneLine(MasterCf cf, MasterService service) {
        List<String> parts = new ArrayList<>();
        for (String line : cf.blocks().get(cf.indexOf(service)).lines()) {
            if (!PhysicalLines.isComment(line) && !PhysicalLines.isBlank(line)) {
                parts.add(PhysicalLines.trim(PhysicalLines.content(line)).replaceAll("\\s+", " "));
            }
        }
        return String.join(" ", parts);
    }

    private static Optional<MasterService> find(MasterCf cf, String name, String type) {
        return cf.services().stream().filter(s -> s.name().equals(name) && s.type().equals(type)).findFirst();
    }
}
