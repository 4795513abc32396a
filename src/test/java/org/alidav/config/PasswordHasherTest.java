package org.alidav.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private static final int FAST = 1000; // the default is slow on purpose

    @Test
    void roundTripWithTheDefaultIterations() {
        String hash = PasswordHasher.hash("correct horse".toCharArray());
        assertTrue(hash.startsWith("pbkdf2:600000:"), hash);
        assertTrue(PasswordHasher.verify("correct horse".toCharArray(), hash));
        assertFalse(PasswordHasher.verify("correct horsE".toCharArray(), hash));
        assertFalse(PasswordHasher.verify(new char[0], hash));
    }

    @Test
    void formatIsIterationsSaltAndSha256SizedHash() {
        String[] parts = PasswordHasher.hash("pw".toCharArray(), FAST).split(":");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2", parts[0]);
        assertEquals("1000", parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertNotEquals(PasswordHasher.hash("pw".toCharArray(), FAST), PasswordHasher.hash("pw".toCharArray(), FAST));
    }

    @Test
    void verifiesAKnownVector() {
        // PBKDF2-HMAC-SHA256("password", "salt", 1 iteration, 32 bytes) = 120fb6cffcf8b32c...b70be17b, the common test vector.
        String spec = "pbkdf2:1:" + Base64.getEncoder().encodeToString("salt".getBytes()) + ":"
                + "Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs=";
        assertTrue(PasswordHasher.verify("password".toCharArray(), spec));
    }

    @Test
    void plainTextSpecsAreComparedAsText() {
        assertFalse(PasswordHasher.isHashed("secret"));
        assertTrue(PasswordHasher.verify("secret".toCharArray(), "secret"));
        assertFalse(PasswordHasher.verify("secret2".toCharArray(), "secret"));
        assertTrue(PasswordHasher.verify("pässwörd".toCharArray(), "pässwörd"));
    }

    @Test
    void malformedHashesMatchNothingAndParseSaysWhy() {
        assertFalse(PasswordHasher.verify("pw".toCharArray(), "pbkdf2:abc:xx:yy"));
        for (String bad : new String[] {"pbkdf2:1000", "pbkdf2:0:c2FsdA==:aGFzaA==", "pbkdf2:1000:!!:aGFzaA==",
                "pbkdf2:1000:c2FsdA==:", "pbkdf2:1000:c2FsdA==:aGFzaA==:extra"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswordHasher.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("must look like pbkdf2:<iterations>:<base64 salt>:<base64 hash>"));
        }
    }

    @Test
    void theDecoyHasTheDearestParametersAndMatchesNothing() {
        String cheap = PasswordHasher.hash("a".toCharArray(), 1000);
        String dear = PasswordHasher.hash("b".toCharArray(), 3000);
        String decoy = PasswordHasher.decoy(java.util.List.of(cheap, "plain", dear));
        PasswordHasher.Pbkdf2Hash parsed = PasswordHasher.parse(decoy);
        assertTrue(parsed.iterations() == 3000 && parsed.hash().length == 32, decoy);
        for (String guess : new String[] {"a", "b", "plain", ""}) assertFalse(PasswordHasher.verify(guess.toCharArray(), decoy));
        assertFalse(PasswordHasher.isHashed(PasswordHasher.decoy(java.util.List.of("plain", "other"))), "plain users: a plain decoy");
    }
}
