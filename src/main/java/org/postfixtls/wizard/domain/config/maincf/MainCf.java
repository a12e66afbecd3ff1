package org.postfixtls.wizard.domain.config.maincf;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postfixtls.wizard.domain.config.mastercf.MasterService;
import org.postfixtls.wizard.domain.config.text.KeyValueDocument;

/** A lossless main.cf: {@code name = value} logical lines, the last definition of a name wins (postconf(5)). */
public final class MainCf {

    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z0-9_./-]+)[ \\t\\x0B\\f\\r]*=(.*)", Pattern.DOTALL);

    static final KeyValueDocument.Syntax SYNTAX = new KeyValueDocument.Syntax() {
        @Override
        public String[] split(String content) {
            Matcher m = PARAMETER.matcher(content);
            return m.matches() ? new String[] {m.group(1), m.group(2)} : null;
        }

        @Override
        public String render(String key, String value) {
            return value.isEmpty() ? key + " =" : key + " = " + value;
        }
    };

    /** Postfix defaults the wizard reads through {@code $name} expansion (postconf -d on 3.7). */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("mydestination", "$myhostname, localhost.$mydomain, localhost"),
            Map.entry("smtpd_tls_security_level", ""),
            Map.entry("smtp_tls_security_level", ""),
            Map.entry("smtpd_tls_auth_only", "no"),
            Map.entry("smtpd_tls_wrappermode", "no"),
            Map.entry("postscreen_tls_security_level", "$smtpd_tls_security_level"),
            Map.entry("tlsproxy_tls_security_level", "$smtpd_tls_security_level"),
            Map.entry("tlsproxy_client_security_level", "$smtp_tls_security_level"),
            Map.entry("tlsproxy_client_level", "$smtp_tls_security_level"),
            Map.entry("smtp_dns_support_level", ""),
            Map.entry("smtpd_tls_ciphers", "medium"),
            Map.entry("smtp_tls_ciphers", "medium"),
            Map.entry("smtpd_tls_mandatory_ciphers", "medium"),
            Map.entry("smtp_tls_mandatory_ciphers", "medium"));

    private static final Pattern REFERENCE = Pattern.compile("\\$(?:\\{([A-Za-z0-9_]+)|\\(([A-Za-z0-9_]+)|([A-Za-z0-9_]+))");

    private final KeyValueDocument document;

    private MainCf(KeyValueDocument document) {
        this.document = document;
    }

    public static MainCf parse(String text) {
        return new MainCf(KeyValueDocument.parse(text, SYNTAX, true));
    }

    public String render() {
        return document.render();
    }

    public Optional<String> get(String name) {
        return document.get(name);
    }

    public boolean isSet(String name) {
        return document.effective(name).isPresent();
    }

    /** Replaces the effective definition in place or appends; false when the value was already equal. */
    public boolean set(String name, String value) {
        return document.set(name, value);
    }

    /** The effective raw value with every {@code $name} expanded as {@code postconf -x} does. */
    public Optional<String> expanded(String name) {
        return get(name).map(this::expand);
    }

    /** The expanded value, or Postfix's default (expanded) when main.cf does not set it, or "". */
    public String value(String name) {
        Optional<String> own = expanded(name);
        return own.orElseGet(() -> expand(DEFAULTS.getOrDefault(name, "")));
    }

    /**
     * What a service runs with (postconf -P over postconf -n): its {@code -o} override, else main.cf, else the
     * default; {@code $name} expanded either way.
     */
    public String value(MasterService service, String name) {
        String override = service == null ? null : service.option(name);
        return override != null ? expand(override) : value(name);
    }

    /** Expands {@code $name}, {@code ${name}}, {@code $(name)}, {@code ${name?text}}, {@code ${name:text}}. */
    public String expand(String text) {
        return expand(text, new HashSet<>());
    }

    private String expand(String text, Set<String> active) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            if (next == '{' || next == '(') {
                char close = next == '{' ? '}' : ')';
                int end = matching(text, i + 1, next, close);
                if (end < 0) {
                    out.append(text.substring(i));
                    break;
                }
                String body = text.substring(i + 2, end);
                int op = indexOfAny(body, "?:");
                String name = op < 0 ? body : body.substring(0, op);
                String resolved = lookup(name.trim(), active);
                if (op < 0) {
                    out.append(resolved);
                } else {
                    String alt = body.substring(op + 1);
                    if (alt.startsWith("{") && alt.endsWith("}")) {
                        alt = alt.substring(1, alt.length() - 1);
                    }
                    boolean set = !resolved.isEmpty();
                    if ((body.charAt(op) == '?') == set) {
                        out.append(expand(alt, active));
                    } else if (body.charAt(op) == ':' && set) {
                        out.append("");
                    }
                }
                i = end + 1;
                continue;
            }
            int j = i + 1;
            while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                j++;
            }
            if (j == i + 1) {
                out.append(c);
                i++;
                continue;
            }
            out.append(lookup(text.substring(i + 1, j), active));
            i = j;
        }
        return out.toString();
    }

    private String lookup(String name, Set<String> active) {
        if (!active.add(name)) {
            return "";
        }
        Optional<String> raw = get(name);
        String value = raw.isPresent() ? raw.get() : DEFAULTS.getOrDefault(name, "");
        String result = expand(value, active);
        active.remove(name);
        return result;
    }

    private static int matching(String text, int open, char openChar, char close) {
        int depth = 0;
        for (int k = open; k < text.length(); k++) {
            if (text.charAt(k) == openChar) {
                depth++;
            } else if (text.charAt(k) == close && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    private static int indexOfAny(String text, String chars) {
        for (int k = 0; k < text.length(); k++) {
            if (chars.indexOf(text.charAt(k)) >= 0) {
                return k;
            }
        }
        return -1;
    }

    /** The parameter a value consists of, when it is exactly one {@code $name} reference. */
    public static Optional<String> soleReference(String value) {
        Matcher m = REFERENCE.matcher(value.trim());
        if (!m.lookingAt() || m.end() != value.trim().length()) {
            if (m.lookingAt() && value.trim().length() == m.end() + 1
                    && (value.trim().endsWith("}") || value.trim().endsWith(")"))) {
                return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
            }
            return Optional.empty();
        }
        return m.group(3) != null ? Optional.of(m.group(3)) : Optional.empty();
    }

    /** True when another main.cf parameter than {@code except} refers to {@code name}. */
    public boolean referencedBy(String name, String except) {
        Pattern ref = Pattern.compile("\\$(?:\\{|\\()?" + Pattern.quote(name) + "(?![A-Za-z0-9_])");
        return parameters().entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(except) && ref.matcher(e.getValue()).find());
    }

    private static final Pattern ANY_REFERENCE = Pattern.compile("\\$[{(]?([A-Za-z0-9_]+)");
    private static final Set<String> POSTFIX_PARAMETERS = loadParameterNames();

    /** Names referenced as {@code $name} by any parameter value or by the given extra values (master.cf -o). */
    public Set<String> referencedNames(java.util.Collection<String> extraValues) {
        Set<String> names = new HashSet<>();
        java.util.List<String> values = new java.util.ArrayList<>(parameters().values());
        values.addAll(extraValues);
        for (String value : values) {
            Matcher m = ANY_REFERENCE.matcher(value);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** True for a parameter Postfix itself defines (postconf -d); other names are the site's own variables. */
    public static boolean isPostfixParameter(String name) {
        return POSTFIX_PARAMETERS.contains(name);
    }

    private static Set<String> loadParameterNames() {
        try (java.io.InputStream in = MainCf.class.getResourceAsStream("postfix-parameters.txt")) {
            if (in == null) {
                throw new IllegalStateException("postfix-parameters.txt is missing from the classpath");
            }
            Set<String> names = new HashSet<>();
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(names::add);
            return names;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Removes the earlier definitions the last one shadows; returns their values. */
    public List<String> removeShadowed(String name) {
        return document.removeShadowed(name);
    }

    public boolean remove(String name) {
        return document.remove(name);
    }

    public void appendComment(String comment) {
        document.appendComment(comment);
    }

    /** Every parameter with its effective value, in order of first appearance. */
    public Map<String, String> parameters() {
        Map<String, String> values = new LinkedHashMap<>();
        for (KeyValueDocument.Entry entry : document.entries()) {
            if (entry.isEntry()) {
                values.remove(entry.key());
                values.put(entry.key(), entry.value());
            }
        }
        return values;
    }

    /** Names defined more than once (only the last definition counts). */
    public List<String> duplicates() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        document.entries().stream().filter(KeyValueDocument.Entry::isEntry)
                .forEach(e -> counts.merge(e.key(), 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }
}
