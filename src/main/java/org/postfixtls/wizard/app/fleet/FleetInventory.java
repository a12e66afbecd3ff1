package org.postfixtls.wizard.app.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.postfixtls.wizard.app.discovery.Discovery;

/**
 * The hosts of an Ansible INI inventory, as {@code drift --hosts} reads it: host lines in {@code [group]}
 * sections with {@code key=value} variables, {@code [group:vars]} and {@code [group:children]}. Only what a
 * drift check needs is interpreted ({@code ansible_host}, {@code ansible_port}, {@code ansible_user},
 * {@code ansible_ssh_private_key_file}, {@code ansible_become}, {@code postfix_tls_config_dir}); other variables
 * are kept for Ansible. A line it cannot read is an error naming the file, the line and what is allowed.
 */
public final class FleetInventory {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,253}");
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]{0,63}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> TRUE = Set.of("true", "yes", "1", "on");
    private static final Set<String> FALSE = Set.of("false", "no", "0", "off");

    /** One host and how to reach it; null fields mean "the command line's default". */
    public record Host(String name, String address, Integer port, String user, String identity, Boolean become,
            String configDirectory, int line) {
    }

    private FleetInventory() {
    }

    public static List<Host> parse(String source, String text) {
        Map<String, Map<String, String>> hostVars = new LinkedHashMap<>();
        Map<String, Integer> hostLines = new LinkedHashMap<>();
        Map<String, Set<String>> groupsOfHost = new LinkedHashMap<>();
        Map<String, Map<String, String>> groupVars = new LinkedHashMap<>();
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        String group = "ungrouped";
        String kind = "hosts";
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw bad(source, number, "a section header is [group], [group:vars] or [group:children]");
                }
                String[] header = line.substring(1, line.length() - 1).strip().split(":", -1);
                if (header.length > 2 || !GROUP.matcher(header[0]).matches()
                        || header.length == 2 && !header[1].equals("vars") && !header[1].equals("children")) {
                    throw bad(source, number, "a section header is [group], [group:vars] or [group:children] with a"
                            + " group name of A-Z a-z 0-9 _ -");
                }
                group = header[0];
                kind = header.length == 2 ? header[1] : "hosts";
                continue;
            }
            switch (kind) {
                case "vars" -> {
                    Map<String, String> vars = variables(source, number, line, true);
                    groupVars.computeIfAbsent(group, g -> new LinkedHashMap<>()).putAll(vars);
                }
                case "children" -> {
                    if (!GROUP.matcher(line).matches()) {
                        throw bad(source, number, "a [" + group + ":children] line names one group (A-Z a-z 0-9 _ -)");
                    }
                    parents.computeIfAbsent(line, g -> new LinkedHashSet<>()).add(group);
                }
                default -> {
                    String[] parts = line.split("\\s+", 2);
                    String name = parts[0];
                    if (name.contains("[")) {
                        throw bad(source, number, "host ranges such as web[01:10] are not supported here; list each"
                                + " host on its own line");
                    }
                    if (!NAME.matcher(name).matches()) {
                        throw bad(source, number, "'" + name + "' is not a host name (A-Z a-z 0-9 . _ : -)");
                    }
                    hostVars.computeIfAbsent(name, n -> new LinkedHashMap<>())
                            .putAll(parts.length > 1 ? variables(source, number, parts[1], false) : Map.of());
                    hostLines.putIfAbsent(name, number);
                    groupsOfHost.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(group);
                }
            }
        }
        if (hostVars.isEmpty()) {
            throw new InventoryException(source + ": no hosts; give one host per line, e.g."
                    + " 'mail1.example.com ansible_user=admin'");
        }
        List<Host> hosts = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> entry : hostVars.entrySet()) {
            Map<String, String> vars = new LinkedHashMap<>(groupVars.getOrDefault("all", Map.of()));
            for (String g : ancestors(groupsOfHost.get(entry.getKey()), parents)) {
                vars.putAll(groupVars.getOrDefault(g, Map.of()));
            }
            vars.putAll(entry.getValue());
            hosts.add(host(source, hostLines.get(entry.getKey()), entry.getKey(), vars));
        }
        return hosts;
    }

    private static Set<String> ancestors(Set<String> groups, Map<String, Set<String>> parents) {
        Set<String> all = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(groups);
        while (!todo.isEmpty()) {
            String g = todo.remove(0);
            if (all.add(g)) {
                todo.addAll(parents.getOrDefault(g, Set.of()));
            }
        }
        List<String> ordered = new ArrayList<>(all);
        java.util.Collections.reverse(ordered);   // parents first, so a child group's value wins
        return new LinkedHashSet<>(ordered);
    }

    private static Host host(String source, int line, String name, Map<String, String> vars) {
        String address = vars.getOrDefault("ansible_host", name);
        if (!NAME.matcher(address).matches()) {
            throw bad(source, line, "ansible_host: '" + address + "' is not a host name or address");
        }
        Integer port = null;
        String portText = vars.get("ansible_port");
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw bad(source, line, "ansible_port: '" + portText + "' is not a port; use 1-65535");
            }
        }
        String user = vars.get("ansible_user");
        if (user != null && !USER.matcher(user).matches()) {
            throw bad(source, line, "ansible_user: '" + user + "' is not a user name (A-Z a-z 0-9 . _ -)");
        }
        Boolean become = null;
        String becomeText = vars.get("ansible_become");
        if (becomeText != null) {
            String lower = becomeText.toLowerCase(Locale.ROOT);
            if (!TRUE.contains(lower) && !FALSE.contains(lower)) {
                throw bad(source, line, "ansible_become: '" + becomeText + "' is not true or false");
            }
            become = TRUE.contains(lower);
        }
        String method = vars.get("ansible_become_method");
        if (method != null && !method.equals("sudo")) {
            throw bad(source, line, "ansible_become_method: only sudo is supported by drift, not '" + method + "'");
        }
        String configDir = vars.get("postfix_tls_config_dir");
        if (configDir != null && configDir.isEmpty()) {
            configDir = null;
        }
        if (configDir != null && !Discovery.CONFIG_DIR.matcher(configDir).matches()) {
            throw bad(source, line, "postfix_tls_config_dir: '" + configDir + "' is not allowed; use an absolute"
                    + " path of the characters A-Z a-z 0-9 . _ / + @ , = -");
        }
        return new Host(name, address, port, user, vars.get("ansible_ssh_private_key_file"), become, configDir, line);
    }

    private static Map<String, String> variables(String source, int line, String text, boolean oneOnly) {
        Map<String, String> vars = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length() || text.charAt(i) == '#') {
                break;
            }
            int eq = text.indexOf('=', i);
            int space = indexOfWhitespace(text, i);
            if (oneOnly && eq > 0 && text.substring(i, eq).strip().indexOf(' ') < 0) {
                space = -1;   // [group:vars] lines may be written "key = value"
            }
            if (eq < 0 || space >= 0 && space < eq) {
                String word = text.substring(i, space < 0 ? text.length() : space);
                throw bad(source, line, "'" + word + "' is not a variable; write key=value");
            }
            String key = text.substring(i, eq).strip();
            if (!KEY.matcher(key).matches()) {
                throw bad(source, line, "'" + key + "' is not a variable name (A-Z a-z 0-9 _)");
            }
            i = eq + 1;
            while (oneOnly && i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            String value;
            if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
                char quote = text.charAt(i);
                int end = text.indexOf(quote, i + 1);
                if (end < 0) {
                    throw bad(source, line, "the value of " + key + " opens a quote (" + quote + ") that never closes");
                }
                value = text.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = oneOnly ? text.length() : indexOfWhitespace(text, i);
                value = text.substring(i, end < 0 ? text.length() : end).strip();
                i = end < 0 ? text.length() : end;
            }
            vars.put(key, value);
            if (oneOnly) {
                break;
            }
        }
        return vars;
    }

    private static int indexOfWhitespace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static InventoryException bad(String source, int line, String message) {
        return new InventoryException(source + " line " + line + ": " + message);
    }

    /** An inventory that cannot be read; the message names the file and line. */
    public static final class InventoryException extends IllegalArgumentException {
        public InventoryException(String message) {
            super(message);
        }
    }
}
