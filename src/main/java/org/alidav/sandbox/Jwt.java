package org.alidav.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * JWT-shaped tokens. Segments use the STANDARD Base64 alphabet without padding, because Go clients
 * decode the payload with that alphabet (fact sheet §12); the payload JSON is padded with spaces to a
 * multiple of 3 bytes so its encoding never needs '=' padding either way.
 */
final class Jwt {
    private static final Base64.Encoder STD = Base64.getEncoder().withoutPadding();

    private Jwt() {
    }

    static String encode(Map<String, Object> claims) {
        try {
            String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
            StringBuilder payload = new StringBuilder(Json.MAPPER.writeValueAsString(claims));
            while (payload.toString().getBytes(StandardCharsets.UTF_8).length % 3 != 0) {
                payload.append(' ');
            }
            return STD.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + STD.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8)) + "."
                    + STD.encodeToString(Ids.bytes(32));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean looksLikeJwt(String token) {
        return token != null && token.split("\\.", -1).length == 3;
    }
}
