package org.alidav.aliyun;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** JWT-shaped tokens for tests (unsigned: the driver only reads claims). */
final class TestTokens {
    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private TestTokens() {
    }

    static String jwt(String sub, long exp, String nonce) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = url.encodeToString(("{\"sub\":\"" + sub + "\",\"exp\":" + exp + ",\"n\":\"" + nonce + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".sig";
    }
}
