package org.postfixtls.wizard.domain.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the profile file. Reading walks the JSON tree itself (rather than binding) so that every
 * problem is reported with its JSON path, all at once.
 */
public final class ProfileJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProfileJson() {
    }

    public static Profile read(String json) throws InvalidProfileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new InvalidProfileException(List.of(new ProfileError("$", "not valid JSON" + where + ": "
                    + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidProfileException(List.of(new ProfileError("$", "must be a JSON object")));
        }
        List<ProfileError> errors = new ArrayList<>();
        Profile profile = new ProfileTreeReader(errors).read(root);
        errors.addAll(ProfileValidator.validate(profile));
        if (!errors.isEmpty()) {
            throw new InvalidProfileException(errors);
        }
        return profile;
    }

    public static String write(Profile p) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", p.schema());
        ObjectNode hardening = root.putObject("hardening");
        hardening.put("preset", p.preset().jsonName());
        Profile.Hardening h = p.hardening();
        hardening.put("protocolFloor", h.protocolFloor());
        hardening.put("floorOnOpportunistic", h.floorOnOpportunistic());
        hardening.put("mandatoryCiphers", h.mandatoryCiphers());
        hardening.put("opportunisticCiphers", h.opportunisticCiphers());
        strings(hardening.putArray("excludeCiphers"), h.excludeCiphers());
        hardening.put("clientSide", h.clientSide());
        hardening.put("eecdhGrade", h.eecdhGrade());
        hardening.put("preferServerCiphers", h.preferServerCiphers());
        if (h.pqKeyExchange()) { // written only when chosen: profiles saved before it existed stay byte-identical
            hardening.put("pqKeyExchange", true);
        }
        ObjectNode certificate = root.putObject("certificate");
        certificate.put("chainFile", p.certificate().chainFile());
        certificate.put("keyFile", p.certificate().keyFile());
        certificate.put("caFile", p.certificate().caFile());
        if (p.certificate().ecdsaChainFile() != null || p.certificate().ecdsaKeyFile() != null) {
            certificate.put("ecdsaChainFile", p.certificate().ecdsaChainFile());
            certificate.put("ecdsaKeyFile", p.certificate().ecdsaKeyFile());
        }
        ObjectNode outbound = root.putObject("outbound");
        outbound.put("level", p.outbound().level().postfixName());
        outbound.put("dnssec", p.outbound().dnssec());
        ObjectNode inbound = root.putObject("inbound");
        inbound.put("level", p.inbound().level().postfixName());
        inbound.put("authOnly", p.inbound().authOnly());
        ObjectNode submission = root.putObject("submission");
        listener(submission.putObject("starttls"), p.submission().starttls());
        listener(submission.putObject("implicitTls"), p.submission().implicitTls());
        ObjectNode cache = root.putObject("sessionCache");
        cache.put("enabled", p.sessionCache().enabled());
        cache.put("timeout", p.sessionCache().timeoutSeconds());
        ObjectNode logging = root.putObject("logging");
        logging.put("smtpLoglevel", p.logging().smtpLoglevel());
        logging.put("smtpdLoglevel", p.logging().smtpdLoglevel());
        logging.put("receivedHeader", p.logging().receivedHeader());
        ArrayNode policies = root.putArray("policies");
        for (Profile.Policy policy : p.policies()) {
            ObjectNode node = policies.addObject();
            node.put("destination", policy.destination());
            node.put("level", policy.level().postfixName());
            strings(node.putArray("match"), policy.match());
            node.put("protocols", policy.protocols());
            node.put("ciphers", policy.ciphers());
            node.put("exclude", policy.exclude());
        }
        if (p.mtaSts() == null) {
            root.putNull("mtaSts");
        } else {
            ObjectNode sts = root.putObject("mtaSts");
            sts.put("domain", p.mtaSts().domain());
            strings(sts.putArray("mx"), p.mtaSts().mx());
            sts.put("mode", p.mtaSts().mode());
            sts.put("maxAge", p.mtaSts().maxAge());
            sts.put("reportAddress", p.mtaSts().reportAddress());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static void listener(ObjectNode node, Profile.Listener listener) {
        node.put("enabled", listener.enabled());
        node.put("port", listener.port());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
