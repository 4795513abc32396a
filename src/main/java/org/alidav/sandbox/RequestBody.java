package org.alidav.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/** The parsed body of an API call (JSON object or form fields) with typed, validating getters. */
final class RequestBody {
    private static final int MAX_BODY = 8 << 20;

    private final ObjectNode json;

    RequestBody(ObjectNode json) {
        this.json = json;
    }

    /** Empty body → {}; form-encoded bodies are accepted too (the renew server sends those). */
    static RequestBody read(HttpServletRequest req) throws IOException {
        String ct = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (ct.startsWith("application/x-www-form-urlencoded")) {
            ObjectNode node = Json.object();
            for (Map.Entry<String, String[]> e : req.getParameterMap().entrySet()) {
                node.put(e.getKey(), e.getValue().length == 0 ? "" : e.getValue()[0]);
            }
            return new RequestBody(node);
        }
        byte[] raw;
        try (InputStream in = req.getInputStream()) {
            raw = in.readNBytes(MAX_BODY + 1);
        }
        if (raw.length > MAX_BODY) {
            throw new ApiException(413, "Payload Too Large", "request body too large");
        }
        if (new String(raw, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return new RequestBody(Json.object());
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            throw ApiException.badRequest("InvalidParameter", "The request body is not valid JSON");
        }
        if (!(node instanceof ObjectNode obj)) {
            throw ApiException.badRequest("InvalidParameter", "The request body must be a JSON object");
        }
        return new RequestBody(obj);
    }

    /** A string field, or null when absent or JSON null; numbers are accepted as their text. */
    String text(String field) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            throw invalid(field);
        }
        return n.asText();
    }

    String text(String field, String dflt) {
        String v = text(field);
        return v == null || v.isEmpty() ? dflt : v;
    }

    String requireText(String field) {
        String v = text(field);
        if (v == null || v.isEmpty()) {
            throw ApiException.missing(field);
        }
        return v;
    }

    Long longValue(String field) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isTextual()) {
            try {
                return Long.parseLong(n.asText().trim());
            } catch (NumberFormatException e) {
                throw invalid(field);
            }
        }
        throw invalid(field);
    }

    long longValue(String field, long dflt) {
        Long v = longValue(field);
        return v == null ? dflt : v;
    }

    boolean bool(String field, boolean dflt) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isTextual() && (n.asText().equals("true") || n.asText().equals("false"))) {
            return Boolean.parseBoolean(n.asText());
        }
        throw invalid(field);
    }

    /** An array field, or an empty array node when absent. */
    JsonNode array(String field) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            return Json.MAPPER.createArrayNode();
        }
        if (!n.isArray()) {
            throw invalid(field);
        }
        return n;
    }

    static ApiException invalid(String field) {
        return ApiException.badRequest("InvalidParameter", "The input parameter " + field + " is not valid.");
    }
}
