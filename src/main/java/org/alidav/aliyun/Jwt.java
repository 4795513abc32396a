package org.alidav.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The claims the driver reads from a token. Payloads come base64url or standard base64, padded or
 * not (clients and servers disagree, docs/open-api.md, "Tokens"), so decoding accepts all four spellings.
 */
record Jwt(String sub, Instant exp) {

    static Optional<Jwt> parse(String token) {
        if (token == null) return Optional.empty();
        String[] parts = token.split("\\.");
        if (parts.length != 3) return Optional.empty();
        try {
            String p = parts[1].replace('-', '+').replace('_', '/').replace("=", "");
            byte[] raw = Base64.getDecoder().decode(p + "==".substring(0, (4 - p.length() % 4) % 4));
            JsonNode claims = Json.MAPPER.readTree(new String(raw, StandardCharsets.UTF_8));
            if (claims == null || !claims.isObject()) return Optional.empty();
            String sub = claims.hasNonNull("sub") ? claims.get("sub").asText() : null;
            Instant exp = claims.hasNonNull("exp") && claims.get("exp").canConvertToLong()
                    ? Instant.ofEpochSecond(claims.get("exp").asLong()) : null;
            return Optional.of(new Jwt(sub, exp));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }
}
