package org.alidav.dav.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkSignerTest {
    static final byte[] KEY = "0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8);
    final Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    @Test
    void matchesAnIndependentlyComputedHmacInOpenListsFormat() throws Exception {
        LinkSigner s = new LinkSigner(KEY, Duration.ofHours(1), clock);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
        byte[] raw = mac.doFinal("/ali/Movies/a b.mkv:1700003600".getBytes(StandardCharsets.UTF_8));
        String expected = java.util.Base64.getUrlEncoder().encodeToString(raw) + ":1700003600";
        assertEquals(expected, s.sign("/ali/Movies/a b.mkv"));
        assertTrue(expected.contains("="), "Go's base64.URLEncoding keeps padding");
    }

    @Test
    void verifiesGoodAndRejectsTamperedExpiredAndMissing() {
        LinkSigner s = new LinkSigner(KEY, Duration.ofHours(1), clock);
        String sign = s.sign("/a.mp4");
        assertTrue(s.verify("/a.mp4", sign));
        assertFalse(s.verify("/b.mp4", sign));
        assertFalse(s.verify("/a.mp4", "x" + sign.substring(1)));
        assertFalse(s.verify("/a.mp4", sign.substring(0, sign.lastIndexOf(':')) + ":1800000000"));
        assertFalse(s.verify("/a.mp4", null));
        assertFalse(s.verify("/a.mp4", ""));
        assertFalse(s.verify("/a.mp4", "abc"));
        LinkSigner later = new LinkSigner(KEY, Duration.ofHours(1), Clock.offset(clock, Duration.ofHours(2)));
        assertFalse(later.verify("/a.mp4", sign));
    }

    @Test
    void zeroLifetimeSignsForever() {
        LinkSigner s = new LinkSigner(KEY, Duration.ZERO, clock);
        String sign = s.sign("/a");
        assertTrue(sign.endsWith(":0"));
        LinkSigner muchLater = new LinkSigner(KEY, Duration.ZERO, Clock.offset(clock, Duration.ofDays(3650)));
        assertTrue(muchLater.verify("/a", sign));
    }

    @Test
    void generatedKeyIsStoredAndReused(@TempDir Path dir) {
        byte[] first = SigningKeyFile.load(null, dir.resolve("keys/link-signing.key"));
        byte[] second = SigningKeyFile.load("", dir.resolve("keys/link-signing.key"));
        assertEquals(32, first.length);
        assertArrayEquals(first, second);
        assertArrayEquals("configured".getBytes(StandardCharsets.UTF_8), SigningKeyFile.load("configured", dir.resolve("x")));
    }
}
