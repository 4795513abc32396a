package org.alidav.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JWT-shaped tokens. Segments use the STANDARD Base64 alphabet without padding, because Go clients
 * decode the payload with that alphabet (docs/open-api.md, "Open questions"). The payload JSON is padded with spaces to a
 * multiple of 3 bytes (no '=' needed either way) and its nonce is re-drawn until the encoding is purely
 * alphanumeric, so standard and URL-safe decoders both read it and tokens need no escaping in URLs.
 */
final class Jwt {
    private static final Base64.Encoder STD = Base64.getEncoder().withoutPadding();
    private static final Pattern ALNUM = Pattern.compile("[A-Za-z0-9]+");

    private Jwt() {
    }

    private static final int MAX_ATTEMPTS = 200_000;

    /** Encodes the claims; a {@code jti} nonce is added (and varied). */
    static String encode(Map<String, Object> claims) {
        Map<String, Object> c = new LinkedHashMap<>(claims);
        String header = STD.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = null;
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            c.put("jti", Ids.hex(16));
            payload = payload(c);
            if (ALNUM.matcher(payload).matches()) {
                break;
            }
        }
        // the signature is random anyway: map the two symbols to letters, it stays valid Base64
        String signature = STD.encodeToString(Ids.bytes(32)).replace('+', 'A').replace('/', 'B');
        return header + "." + payload + "." + signature;
    }

    private static String payload(Map<String, Object> claims) {
        try {
            StringBuilder json = new StringBuilder(Json.MAPPER.writeValueAsString(claims));
            while (json.toString().getBytes(StandardCharsets.UTF_8).length % 3 != 0) {
                json.append(' ');
            }
            return STD.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean looksLikeJwt(String token) {
        return token != null && token.split("\\.", -1).length == 3;
    }
}
