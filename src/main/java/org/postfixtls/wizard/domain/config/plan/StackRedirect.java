package org.postfixtls.wizard.domain.config.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.postfixtls.wizard.domain.config.stack.DetectedStack;
import org.postfixtls.wizard.domain.config.stack.MailStack;
import org.postfixtls.wizard.domain.config.stack.MainOverride;
import org.postfixtls.wizard.domain.config.stack.MasterOverride;
import org.postfixtls.wizard.domain.config.stack.OverrideFile;
import org.postfixtls.wizard.domain.config.stack.StackDetector;
import org.postfixtls.wizard.domain.config.stack.StackLayout;

/**
 * Plans for a mail stack whose container start rewrites main.cf (and, except mailcow, master.cf): the plan is made
 * on what Postfix will run after the next start (the live files with the override files applied as the stack
 * applies them) and its result is written into the override files, edited in place. main.cf (and master.cf where
 * the stack rewrites it) stays as it is: an edit there would be lost at the next start (issue 13, defect 11).
 */
final class StackRedirect {

    private final PlanRequest request;
    private final DetectedStack detected;
    private final StackLayout layout;
    private final List<String> notes = new ArrayList<>();

    private StackRedirect(PlanRequest request, DetectedStack detected, StackLayout layout) {
        this.request = request;
        this.detected = detected;
        this.layout = layout;
    }

    /** The plan for a stack with an override file, or empty when the server runs no such stack. */
    static Optional<ChangeSet> plan(PlanRequest request, Function<PlanRequest, ChangeSet> planner) {
        Optional<DetectedStack> detected = StackDetector.detect(request.mainCf(), request.masterCf(),
                request.stackMarkers());
        return detected.flatMap(d -> StackLayout.of(d.stack(), request.configDirectory(), request.stackDirectory())
                .map(layout -> new StackRedirect(request, d, layout).plan(planner)));
    }

    private ChangeSet plan(Function<PlanRequest, ChangeSet> planner) {
        String mainExisting = existing(layout.mainName());
        String masterExisting = layout.hasMasterOverride() ? existing(layout.masterName()) : null;
        String effectiveMain = MainOverride.effective(layout, request.mainCf(), mainExisting);
        String effectiveMaster = MasterOverride.effective(layout, request.masterCf(), masterExisting);
        ChangeSet inner = planner.apply(request.withFiles(effectiveMain, effectiveMaster));
        List<FileChange> files = new ArrayList<>();
        files.add(new FileChange(Planner.MAIN_CF, request.mainCf(), request.mainCf()));
        String masterAfter = layout.hasMasterOverride() || inner.refused() ? request.masterCf()
                : inner.content(Planner.MASTER_CF);
        files.add(new FileChange(Planner.MASTER_CF, request.masterCf(), masterAfter));
        inner.file(Planner.TLS_POLICY).ifPresent(files::add);
        if (inner.refused()) {
            return new ChangeSet(files, List.of(), List.of(), inner.refusals(), List.of());
        }
        MainOverride.Result main = MainOverride.write(layout, mainExisting, effectiveMain,
                inner.content(Planner.MAIN_CF));
        Optional<MasterOverride.Result> master = layout.hasMasterOverride() ? Optional.of(MasterOverride.write(
                layout, masterExisting, effectiveMaster, inner.content(Planner.MASTER_CF))) : Optional.empty();
        Map<String, String> locations = new LinkedHashMap<>();
        if (main.after() != null) {
            files.add(new FileChange(layout.mainName(), main.before(), main.after()));
            locations.put(layout.mainName(), layout.mainPath());
        }
        master.filter(m -> m.after() != null).ifPresent(m -> {
            files.add(new FileChange(layout.masterName(), m.before(), m.after()));
            locations.put(layout.masterName(), layout.masterPath());
        });
        List<Change> changes = retarget(inner.changes(), main, master);
        explain(main, master, files);
        notes.addAll(0, inner.notes());
        return new ChangeSet(files, changes, notes, List.of(), inner.conflicts(),
                new StackTarget(detected.stack().displayName(), locations, layout.restart(),
                        inner.content(Planner.MAIN_CF), inner.content(Planner.MASTER_CF)));
    }

    /** The override file's content: as found, or (mailcow, no copy given) as the live main.cf shows it. */
    private String existing(String name) {
        Optional<OverrideFile> found = request.stackFile(name);
        if (found.isPresent() && found.get().content() != null) {
            return found.get().content();
        }
        if (found.isEmpty() && name.equals(layout.mainName())
                && layout.stack() == MailStack.MAILCOW) {
            String derived = MainOverride.mailcowExtraFromMain(request.mainCf());
            if (derived != null) {
                notes.add("No copy of extra.cf was given: its current content was taken from main.cf (everything"
                        + " after mailcow's '# User Overrides' line, which is where postfix.sh appends it).");
            }
            return derived;
        }
        return null;
    }

    /** Each change is shown against the file that now carries it; a change no file carries is left out. */
    private List<Change> retarget(List<Change> changes, MainOverride.Result main,
            Optional<MasterOverride.Result> master) {
        List<Change> out = new ArrayList<>();
        for (Change c : changes) {
            if (c.file().equals(Planner.MAIN_CF)) {
                if (main.written().contains(c.subject())) {
                    out.add(new Change(layout.mainName(), c.subject(), c.before(), c.after(), c.reason(), c.source(),
                            c.risk(), c.weakens()));
                }
            } else if (c.file().equals(Planner.MASTER_CF) && master.isPresent()) {
                if (master.get().services().contains(serviceOf(c.subject()))) {
                    out.add(new Change(layout.masterName(), c.subject(), c.before(), c.after(), c.reason(),
                            c.source(), c.risk(), c.weakens()));
                }
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /** {@code service submission/inet -o x} → {@code submission/inet}. */
    static String serviceOf(String subject) {
        String rest = subject.startsWith("service ") ? subject.substring("service ".length()) : subject;
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    private void explain(MainOverride.Result main, Optional<MasterOverride.Result> master, List<FileChange> files) {
        String name = detected.stack().displayName();
        boolean writes = files.stream().anyMatch(f -> f.changed() && !f.name().equals(Planner.MAIN_CF)
                && !f.name().equals(Planner.MASTER_CF) && !f.name().equals(Planner.TLS_POLICY));
        if (writes) {
            notes.add(name + " recognised (" + detected.evidence() + "). " + startRule() + " This plan therefore"
                    + " leaves main.cf" + (layout.hasMasterOverride() ? " and master.cf" : "") + " alone and writes"
                    + " its settings into " + layout.mainPath()
                    + (master.map(m -> m.after() != null).orElse(false) ? " and " + layout.masterPath() : "")
                    + ". Postfix does not read these files itself: the settings take effect when " + name
                    + " restarts its Postfix container: " + layout.restart() + ".");
        }
        if (!main.notExpressible().isEmpty()) {
            notes.add(name + ": the plan would remove " + String.join(", ", main.notExpressible()) + " from main.cf,"
                    + " but " + layout.mainName() + " can only set parameters and the stack's own main.cf sets them;"
                    + " they stay in effect (remove them in the stack's own files if they must go).");
        }
        master.filter(m -> !m.notExpressible().isEmpty()).ifPresent(m -> notes.add(name + ": "
                + layout.masterName() + " cannot express " + String.join(", ", m.notExpressible())
                + "; the plan leaves that out (it would need a master.cf mounted over the image's)."));
    }

    private String startRule() {
        return switch (detected.stack()) {
            case MAILCOW -> "mailcow's postfix.sh keeps main.cf only up to its '# Overrides #' line at every start"
                    + " and then appends extra.cf (data/conf/postfix/extra.cf on the host), so an edit to main.cf"
                    + " is lost; master.cf is not rewritten and is edited in place.";
            case DOCKER_MAILSERVER -> "docker-mailserver starts from the image's main.cf and master.cf and applies"
                    + " postfix-main.cf (appended, the last definition wins) and postfix-master.cf (postconf -P"
                    + " lines) from its config folder (docker-data/dms/config on the host).";
            case MAILU -> "Mailu renders main.cf and master.cf from its templates at every start and then applies"
                    + " overrides/postfix.cf (postconf -e, one setting per line) and overrides/postfix.master"
                    + " (postconf -Me, one service per line).";
            default -> "";
        };
    }
}
