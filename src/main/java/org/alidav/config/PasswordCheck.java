package org.alidav.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Checks a user's password against its configured spec. WebDAV clients send credentials with every
 * request and a PBKDF2 check costs hundreds of milliseconds by design, so the SHA-256 of the last
 * password that passed is remembered and a repeat is confirmed in constant time; any other password
 * pays the full PBKDF2 price, which is what slows guessing down.
 */
public final class PasswordCheck implements Predicate<String> {
    private final String spec;
    private final AtomicReference<byte[]> lastGood = new AtomicReference<>();

    public PasswordCheck(String spec) {
        this.spec = spec;
    }

    @Override
    public boolean test(String candidate) {
        byte[] digest = sha256(candidate);
        byte[] remembered = lastGood.get();
        if (remembered != null && MessageDigest.isEqual(remembered, digest)) return true;
        boolean ok = PasswordHasher.verify(candidate.toCharArray(), spec);
        if (ok) lastGood.set(digest);
        return ok;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
