package org.postfixtls.wizard.domain.config.mastercf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postfixtls.wizard.domain.config.text.PhysicalLines;

/**
 * A lossless master.cf. Active services span their continuation lines (comments inside them are ignored by
 * Postfix, as master(5) says); commented-out services with their commented {@code -o} lines are recognised so
 * they can be enabled in place. Every other line is kept verbatim.
 */
public final class MasterCf {

    static final Set<String> TYPES = Set.of("inet", "unix", "unix-dgram", "fifo", "pass");

    /** A run of physical lines; {@code service} is null for lines that are not a service. */
    public record Block(MasterService service, List<String> lines) {
        public Block {
            lines = List.copyOf(lines);
        }
    }

    private final List<Block> blocks;

    private MasterCf(List<Block> blocks) {
        this.blocks = blocks;
    }

    public static MasterCf parse(String text) {
        List<String> lines = PhysicalLines.split(text);
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (PhysicalLines.isBlank(line) || PhysicalLines.startsWithSpace(line)) {
                blocks.add(new Block(null, List.of(line)));
                i++;
            } else if (PhysicalLines.isComment(line)) {
                int end = commentedServiceEnd(lines, i);
                if (end < 0) {
                    blocks.add(new Block(null, List.of(line)));
                    i++;
                } else {
                    List<String> raw = lines.subList(i, end + 1);
                    blocks.add(new Block(service(raw, true), raw));
                    i = end + 1;
                }
            } else {
                int end = PhysicalLines.logicalEnd(lines, i);
                List<String> raw = lines.subList(i, end + 1);
                blocks.add(new Block(service(raw, false), raw));
                i = end + 1;
            }
        }
        return new MasterCf(blocks);
    }

    /** Last line of a commented service block starting at {@code start}, or -1 when it is an ordinary comment. */
    private static int commentedServiceEnd(List<String> lines, int start) {
        String content = PhysicalLines.content(lines.get(start));
        if (!content.startsWith("#") || content.length() < 2 || PhysicalLines.isSpace(content.charAt(1))
                || content.charAt(1) == '#') {
            return -1;
        }
        List<ServiceTokens.Token> tokens = ServiceTokens.of(content.substring(1)).tokens();
        if (tokens.size() < 8 || !TYPES.contains(tokens.get(1).text())) {
            return -1;
        }
        int end = start;
        for (int j = start + 1; j < lines.size(); j++) {
            String next = PhysicalLines.content(lines.get(j));
            if (next.length() < 2 || next.charAt(0) != '#' || !PhysicalLines.isSpace(next.charAt(1))) {
                break;
            }
            if (PhysicalLines.trim(next.substring(1)).startsWith("-")) {
                end = j;
            }
        }
        return end;
    }

    private static MasterService service(List<String> raw, boolean commented) {
        List<String> tokens = new ArrayList<>();
        for (String line : raw) {
            if (!commented && (PhysicalLines.isComment(line) || PhysicalLines.isBlank(line))) {
                continue;
            }
            String content = PhysicalLines.content(line);
            if (commented) {
                content = content.substring(1);
            }
            ServiceTokens.of(content).tokens().forEach(t -> tokens.add(t.text()));
        }
        if (tokens.size() < 8 || !TYPES.contains(tokens.get(1))) {
            return null;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int k = 8; k < tokens.size(); k++) {
            String token = tokens.get(k);
            String optionToken = null;
            if (token.equals("-o") && k + 1 < tokens.size()) {
                optionToken = tokens.get(++k);
            } else if (token.startsWith("-o") && token.length() > 2) {
                optionToken = token.substring(2);
            }
            String[] option = optionToken == null ? null : ServiceTokens.option(optionToken);
            if (option != null) {
                options.remove(option[0]);
                options.put(option[0], option[1]);
            }
        }
        return new MasterService(tokens.get(0), tokens.get(1), tokens.get(2), tokens.get(3), tokens.get(4),
                tokens.get(5), tokens.get(6), tokens.get(7), Collections.unmodifiableMap(options), commented);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            block.lines().forEach(out::append);
        }
        return out.toString();
    }

    public List<Block> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    public List<MasterService> services() {
        return blocks.stream().map(Block::service).filter(s -> s != null && !s.commented()).toList();
    }

    public List<MasterService> commentedServices() {
        return blocks.stream().map(Block::service).filter(s -> s != null && s.commented()).toList();
    }

    /** Active inet services listening on the port, in file order. */
    public List<MasterService> servicesOnPort(int port) {
        return services().stream().filter(s -> s.port().isPresent() && s.port().getAsInt() == port).toList();
    }

    public int indexOf(MasterService service) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).service() == service) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a service of this document: " + service.name());
    }

    /**
     * Sets {@code -o} options of the active service at block {@code index}: an existing option has just its
     * value replaced on its own line; missing options are added as new lines after the service. Returns the
     * names whose value changed.
     */
    public List<String> setOptions(int index, Map<String, String> wanted) {
        Block block = blocks.get(index);
        MasterService service = block.service();
        if (service == null || service.commented()) {
            throw new IllegalArgumentException("block " + index + " is not an active service");
        }
        List<String> lines = new ArrayList<>(block.lines());
        List<String> changed = new ArrayList<>();
        Map<String, String> missing = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            String current = service.option(e.getKey());
            if (e.getValue().equals(current)) {
                continue;
            }
            changed.add(e.getKey());
            if (current == null || !replaceLastOption(lines, e.getKey(), e.getValue(), false)) {
                missing.put(e.getKey(), e.getValue());
            }
        }
        appendOptions(lines, missing);
        replaceBlock(index, lines, false);
        return changed;
    }

    /**
     * Turns a commented-out service block into an active one in place: the service line and the commented
     * {@code -o} lines of wanted options are un-commented (with the wanted value); other commented lines stay
     * comments, which Postfix skips inside a service. {@code name} renames the service (e.g. a port number).
     */
    public void enableCommented(int index, String name, Map<String, String> wanted) {
        Block block = blocks.get(index);
        if (block.service() == null || !block.service().commented()) {
            throw new IllegalArgumentException("block " + index + " is not a commented service");
        }
        List<String> lines = new ArrayList<>(block.lines());
        String header = lines.get(0);
        String headerContent = PhysicalLines.content(header).substring(1);
        ServiceTokens.Token first = ServiceTokens.of(headerContent).tokens().get(0);
        lines.set(0, name + headerContent.substring(first.end()) + PhysicalLines.terminator(header));
        Map<String, String> missing = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            if (!replaceLastOption(lines, e.getKey(), e.getValue(), true)) {
                missing.put(e.getKey(), e.getValue());
            }
        }
        appendOptions(lines, missing);
        replaceBlock(index, lines, false);
    }

    /** Appends a new active service at the end of the file. */
    public int appendService(String serviceLine, Map<String, String> options) {
        List<String> lines = new ArrayList<>();
        lines.add(serviceLine + newline());
        appendOptions(lines, options);
        ensureFinalNewline();
        blocks.add(null);
        replaceBlock(blocks.size() - 1, lines, false);
        return blocks.size() - 1;
    }

    /** Comments out every line of an active service, so Postfix ignores it. */
    public void commentOut(int index) {
        List<String> lines = new ArrayList<>();
        for (String line : blocks.get(index).lines()) {
            lines.add(PhysicalLines.isComment(line) || PhysicalLines.isBlank(line) ? line : "#" + line);
        }
        replaceBlock(index, lines, true);
    }

    /**
     * Removes every {@code -o name=...} of the active service at block {@code index}; a continuation line left
     * empty goes too. Returns whether anything was removed.
     */
    public boolean removeOption(int index, String name) {
        Block block = blocks.get(index);
        if (block.service() == null || block.service().commented() || block.service().option(name) == null) {
            return false;
        }
        List<String> lines = new ArrayList<>(block.lines());
        boolean removed = false;
        for (int li = lines.size() - 1; li >= 0; li--) {
            String line = lines.get(li);
            if (PhysicalLines.isComment(line)) {
                continue;
            }
            String content = PhysicalLines.content(line);
            List<ServiceTokens.Token> tokens = ServiceTokens.of(content).tokens();
            for (int t = tokens.size() - 1; t >= 1; t--) {
                String[] option = ServiceTokens.option(tokens.get(t).text());
                if (option != null && option[0].equals(name) && tokens.get(t - 1).text().equals("-o")) {
                    content = content.substring(0, tokens.get(t - 1).start()).stripTrailing()
                            + content.substring(tokens.get(t).end());
                    removed = true;
                    t--;
                }
            }
            if (li > 0 && content.isBlank()) {
                lines.remove(li);
            } else {
                lines.set(li, content + PhysicalLines.terminator(line));
            }
        }
        if (removed) {
            replaceBlock(index, lines, false);
        }
        return removed;
    }

    private boolean replaceLastOption(List<String> lines, String name, String value, boolean uncomment) {
        for (int li = lines.size() - 1; li >= 0; li--) {
            String line = lines.get(li);
            boolean commentedLine = PhysicalLines.isComment(line);
            if (commentedLine != uncomment || (li == 0 && uncomment)) {
                continue;
            }
            String content = PhysicalLines.content(line);
            int offset = 0;
            if (uncomment) {
                offset = content.indexOf('#') + 1;
                content = content.substring(offset);
            }
            List<ServiceTokens.Token> tokens = ServiceTokens.of(content).tokens();
            for (int t = tokens.size() - 1; t >= 1; t--) {
                String[] option = ServiceTokens.option(tokens.get(t).text());
                if (option != null && option[0].equals(name) && tokens.get(t - 1).text().equals("-o")) {
                    ServiceTokens.Token token = tokens.get(t);
                    String replaced = content.substring(0, token.start()) + ServiceTokens.renderOption(name, value)
                            + content.substring(token.end());
                    if (uncomment) {
                        if (tokens.size() != 2) {
                            return false;
                        }
                        replaced = "  " + PhysicalLines.trim(replaced);
                    }
                    lines.set(li, replaced + PhysicalLines.terminator(line));
                    return true;
                }
            }
        }
        return false;
    }

    private void appendOptions(List<String> lines, Map<String, String> options) {
        if (options.isEmpty()) {
            return;
        }
        String nl = newline();
        String last = lines.get(lines.size() - 1);
        if (PhysicalLines.terminator(last).isEmpty()) {
            lines.set(lines.size() - 1, last + nl);
        }
        options.forEach((k, v) -> lines.add("  -o " + ServiceTokens.renderOption(k, v) + nl));
    }

    private void ensureFinalNewline() {
        if (blocks.isEmpty()) {
            return;
        }
        int lastIndex = blocks.size() - 1;
        List<String> lines = new ArrayList<>(blocks.get(lastIndex).lines());
        String last = lines.get(lines.size() - 1);
        if (PhysicalLines.terminator(last).isEmpty()) {
            lines.set(lines.size() - 1, last + newline());
            blocks.set(lastIndex, new Block(blocks.get(lastIndex).service(), lines));
        }
    }

    private void replaceBlock(int index, List<String> lines, boolean commented) {
        MasterService service = service(lines, commented);
        blocks.set(index, new Block(commented ? null : service, lines));
    }

    private String newline() {
        List<String> lines = new ArrayList<>();
        blocks.stream().filter(b -> b != null).forEach(b -> lines.addAll(b.lines()));
        return PhysicalLines.dominantNewline(lines);
    }
}
