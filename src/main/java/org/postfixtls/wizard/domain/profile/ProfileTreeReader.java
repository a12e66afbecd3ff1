package org.postfixtls.wizard.domain.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Overlays the keys present in a profile file on its preset's baseline, collecting type and key errors. */
final class ProfileTreeReader {

    private final List<ProfileError> errors;

    ProfileTreeReader(List<ProfileError> errors) {
        this.errors = errors;
    }

    Profile read(JsonNode root) {
        known(root, "", "schema", "hardening", "certificate", "outbound", "inbound", "submission", "sessionCache",
                "logging", "policies", "mtaSts");
        JsonNode schemaNode = root.get("schema");
        if (schemaNode == null) {
            error("schema", "is missing; this version reads \"schema\": " + Profile.SCHEMA);
        } else if (!schemaNode.isInt() || schemaNode.asInt() != Profile.SCHEMA) {
            error("schema", "is " + schemaNode + "; this version reads only \"schema\": " + Profile.SCHEMA);
        }
        JsonNode hardeningNode = object(root, "hardening");
        Preset preset = Preset.RECOMMENDED;
        if (hardeningNode != null && hardeningNode.has("preset")) {
            String name = text(hardeningNode.get("preset"), "hardening.preset", "recommended", false);
            preset = Preset.parse(name).orElseGet(() -> {
                error("hardening.preset", "is '" + name + "'; allowed: runbook, mandatory, recommended");
                return Preset.RECOMMENDED;
            });
        }
        Profile base = preset.baseline();
        return new Profile(Profile.SCHEMA, preset, certificate(object(root, "certificate"), base.certificate()),
                outbound(object(root, "outbound"), base.outbound()), inbound(object(root, "inbound"), base.inbound()),
                submission(object(root, "submission"), base.submission()), hardening(hardeningNode, base.hardening()),
                sessionCache(object(root, "sessionCache"), base.sessionCache()),
                logging(object(root, "logging"), base.logging()), policies(root.get("policies"), base.policies()),
                mtaSts(root, base.mtaSts()));
    }

    private Profile.Certificate certificate(JsonNode node, Profile.Certificate base) {
        if (node == null) {
            return base;
        }
        known(node, "certificate.", "chainFile", "keyFile", "caFile", "ecdsaChainFile", "ecdsaKeyFile");
        return new Profile.Certificate(text(node, "chainFile", "certificate.", base.chainFile(), true),
                text(node, "keyFile", "certificate.", base.keyFile(), true),
                text(node, "caFile", "certificate.", base.caFile(), true),
                text(node, "ecdsaChainFile", "certificate.", base.ecdsaChainFile(), true),
                text(node, "ecdsaKeyFile", "certificate.", base.ecdsaKeyFile(), true));
    }

    private Profile.Outbound outbound(JsonNode node, Profile.Outbound base) {
        if (node == null) {
            return base;
        }
        known(node, "outbound.", "level", "dnssec");
        return new Profile.Outbound(level(node, "outbound.level", base.level(), TlsLevel.OUTBOUND_DEFAULTS),
                bool(node, "dnssec", "outbound.", base.dnssec()));
    }

    private Profile.Inbound inbound(JsonNode node, Profile.Inbound base) {
        if (node == null) {
            return base;
        }
        known(node, "inbound.", "level", "authOnly");
        return new Profile.Inbound(
                level(node, "inbound.level", base.level(), TlsLevel.INBOUND),
                bool(node, "authOnly", "inbound.", base.authOnly()));
    }

    private Profile.Submission submission(JsonNode node, Profile.Submission base) {
        if (node == null) {
            return base;
        }
        known(node, "submission.", "starttls", "implicitTls");
        return new Profile.Submission(listener(node, "starttls", base.starttls()),
                listener(node, "implicitTls", base.implicitTls()));
    }

    private Profile.Listener listener(JsonNode parent, String key, Profile.Listener base) {
        JsonNode node = object(parent, key, "submission.");
        if (node == null) {
            return base;
        }
        String prefix = "submission." + key + ".";
        known(node, prefix, "enabled", "port");
        return new Profile.Listener(bool(node, "enabled", prefix, base.enabled()),
                integer(node, "port", prefix, base.port()));
    }

    private Profile.Hardening hardening(JsonNode node, Profile.Hardening base) {
        if (node == null) {
            return base;
        }
        String p = "hardening.";
        known(node, p, "preset", "protocolFloor", "floorOnOpportunistic", "mandatoryCiphers", "opportunisticCiphers",
                "excludeCiphers", "clientSide", "eecdhGrade", "preferServerCiphers", "pqKeyExchange");
        return new Profile.Hardening(text(node, "protocolFloor", p, base.protocolFloor(), true),
                bool(node, "floorOnOpportunistic", p, base.floorOnOpportunistic()),
                text(node, "mandatoryCiphers", p, base.mandatoryCiphers(), true),
                text(node, "opportunisticCiphers", p, base.opportunisticCiphers(), true),
                stringList(node, "excludeCiphers", p, base.excludeCiphers()),
                bool(node, "clientSide", p, base.clientSide()), text(node, "eecdhGrade", p, base.eecdhGrade(), true),
                nullableBool(node, "preferServerCiphers", p, base.preferServerCiphers()),
                bool(node, "pqKeyExchange", p, base.pqKeyExchange()));
    }

    private Profile.SessionCache sessionCache(JsonNode node, Profile.SessionCache base) {
        if (node == null) {
            return base;
        }
        known(node, "sessionCache.", "enabled", "timeout");
        return new Profile.SessionCache(bool(node, "enabled", "sessionCache.", base.enabled()),
                integer(node, "timeout", "sessionCache.", base.timeoutSeconds()));
    }

    private Profile.Logging logging(JsonNode node, Profile.Logging base) {
        if (node == null) {
            return base;
        }
        String p = "logging.";
        known(node, p, "smtpLoglevel", "smtpdLoglevel", "receivedHeader");
        return new Profile.Logging(nullableInt(node, "smtpLoglevel", p, base.smtpLoglevel()),
                nullableInt(node, "smtpdLoglevel", p, base.smtpdLoglevel()),
                nullableBool(node, "receivedHeader", p, base.receivedHeader()));
    }

    private List<Profile.Policy> policies(JsonNode node, List<Profile.Policy> base) {
        if (node == null) {
            return base;
        }
        if (!node.isArray()) {
            error("policies", "must be a list of {destination, level, match, protocols, ciphers, exclude}");
            return base;
        }
        List<Profile.Policy> policies = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String p = "policies[" + i + "].";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                error("policies[" + i + "]", "must be an object {destination, level, ...}");
                continue;
            }
            known(item, p, "destination", "level", "match", "protocols", "ciphers", "exclude");
            if (!item.has("destination")) {
                error(p + "destination", "is missing; allowed: domain, .domain, [host] or [host]:port");
            }
            if (!item.has("level")) {
                error(p + "level", "is missing; allowed: " + TlsLevel.names(TlsLevel.POLICY));
            }
            policies.add(new Profile.Policy(text(item, "destination", p, "", false),
                    level(item, p + "level", TlsLevel.MAY, TlsLevel.POLICY), stringList(item, "match", p, List.of()),
                    text(item, "protocols", p, null, true), text(item, "ciphers", p, null, true),
                    text(item, "exclude", p, null, true)));
        }
        return policies;
    }

    private Profile.MtaSts mtaSts(JsonNode root, Profile.MtaSts base) {
        JsonNode node = root.get("mtaSts");
        if (node == null) {
            return base;
        }
        if (node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            error("mtaSts", "must be an object or null");
            return base;
        }
        String p = "mtaSts.";
        known(node, p, "domain", "mx", "mode", "maxAge", "reportAddress");
        JsonNode maxAge = node.get("maxAge");
        long age = 604800;
        if (maxAge != null) {
            if (maxAge.canConvertToLong() && maxAge.isIntegralNumber()) {
                age = maxAge.asLong();
            } else {
                error(p + "maxAge", "must be a whole number of seconds");
            }
        }
        return new Profile.MtaSts(text(node, "domain", p, "", false), stringList(node, "mx", p, List.of()),
                text(node, "mode", p, "testing", false), age, text(node, "reportAddress", p, null, true));
    }

    // ---- primitives ------------------------------------------------------------------------------------------

    private void known(JsonNode node, String prefix, String... keys) {
        Set<String> allowed = new TreeSet<>(Arrays.asList(keys));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                error(prefix + name, "is not a known key; allowed here: " + String.join(", ", allowed));
            }
        }
    }

    private JsonNode object(JsonNode parent, String key) {
        return object(parent, key, "");
    }

    private JsonNode object(JsonNode parent, String key, String prefix) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            error(prefix + key, "must be a JSON object");
            return null;
        }
        return node;
    }

    private String text(JsonNode parent, String key, String prefix, String fallback, boolean nullable) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return fallback;
        }
        return text(node, prefix + key, fallback, nullable);
    }

    private String text(JsonNode node, String path, String fallback, boolean nullable) {
        if (node.isNull() && nullable) {
            return null;
        }
        if (!node.isTextual()) {
            error(path, "must be a string" + (nullable ? " or null" : ""));
            return fallback;
        }
        return node.asText();
    }

    private boolean bool(JsonNode parent, String key, String prefix, boolean fallback) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            error(prefix + key, "must be true or false");
            return fallback;
        }
        return node.asBoolean();
    }

    private Boolean nullableBool(JsonNode parent, String key, String prefix, Boolean fallback) {
        JsonNode node = parent.get(key);
        if (node != null && node.isNull()) {
            return null;
        }
        if (node == null) {
            return fallback;
        }
        return bool(parent, key, prefix, fallback != null && fallback);
    }

    private int integer(JsonNode parent, String key, String prefix, int fallback) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isInt()) {
            error(prefix + key, "must be a whole number, is " + node);
            return fallback;
        }
        return node.asInt();
    }

    private Integer nullableInt(JsonNode parent, String key, String prefix, Integer fallback) {
        JsonNode node = parent.get(key);
        if (node != null && node.isNull()) {
            return null;
        }
        if (node == null) {
            return fallback;
        }
        return integer(parent, key, prefix, fallback == null ? 0 : fallback);
    }

    private List<String> stringList(JsonNode parent, String key, String prefix, List<String> fallback) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return node == null ? fallback : List.of();
        }
        if (!node.isArray()) {
            error(prefix + key, "must be a list of strings");
            return fallback;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isTextual()) {
                values.add(node.get(i).asText());
            } else {
                error(prefix + key + "[" + i + "]", "must be a string");
            }
        }
        return values;
    }

    private TlsLevel level(JsonNode parent, String path, TlsLevel fallback, List<TlsLevel> allowed) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        JsonNode node = parent.get(key);
        if (node == null) {
            return fallback;
        }
        String value = text(node, path, null, false);
        if (value == null) {
            return fallback;
        }
        for (TlsLevel level : allowed) {
            if (level.postfixName().equals(value)) {
                return level;
            }
        }
        error(path, ProfileValidator.levelProblem(value, allowed));
        return fallback;
    }

    private void error(String path, String message) {
        errors.add(new ProfileError(path, message));
    }
}
