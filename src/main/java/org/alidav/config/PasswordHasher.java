package org.alidav.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes of the {@code users:} section, made with the JDK's PBKDF2-HMAC-SHA256.
 *
 * <p>Format: {@code pbkdf2:<iterations>:<base64 salt>:<base64 hash>}, standard Base64 with padding,
 * e.g. {@code pbkdf2:600000:3q1RtG9dQ1a4J6xUk1hW0g==:q9W...=}. The hash is as long as SHA-256 (32 bytes).
 * A value without the {@code pbkdf2:} prefix is a plain-text password; it still works, but the
 * loader warns about it.
 *
 * <p>Verifying costs as much as hashing (the point of PBKDF2), and WebDAV clients send credentials
 * with every request: the authentication layer should remember recent successful logins.
 */
public final class PasswordHasher {
    public static final String PREFIX = "pbkdf2:";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {
    }

    /** A parsed hash. */
    record Pbkdf2Hash(int iterations, byte[] salt, byte[] hash) {
    }

    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    public static String hash(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + iterations + ":" + b64.encodeToString(salt) + ":"
                + b64.encodeToString(derive(password, salt, iterations, HASH_BITS));
    }

    /**
     * A spec to check a login against when the user name is unknown, so that answering "no" costs what
     * it costs for a known name: a hash with the iterations and length of the dearest hash among
     * {@code specs} (random salt and hash: no password matches it), or a random plain password when
     * every spec is plain text. Made without running PBKDF2.
     */
    public static String decoy(List<String> specs) {
        Pbkdf2Hash dearest = null;
        for (String spec : specs) {
            if (!isHashed(spec)) continue;
            Pbkdf2Hash h = parse(spec);
            if (dearest == null || h.iterations() > dearest.iterations()) dearest = h;
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        if (dearest == null) return b64.encodeToString(salt);
        byte[] hash = new byte[dearest.hash().length];
        RANDOM.nextBytes(hash);
        return PREFIX + dearest.iterations() + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    public static boolean isHashed(String spec) {
        return spec.startsWith(PREFIX);
    }

    /**
     * Whether {@code password} matches {@code spec}, a hash or a plain-text password, compared in
     * constant time. A malformed hash matches nothing (the loader refuses those anyway).
     */
    public static boolean verify(char[] password, String spec) {
        // the candidate goes first: isEqual takes as long as its first argument, never the secret's length
        if (!isHashed(spec)) return MessageDigest.isEqual(utf8(password), spec.getBytes(StandardCharsets.UTF_8));
        Pbkdf2Hash parsed;
        try {
            parsed = parse(spec);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] actual = derive(password, parsed.salt(), parsed.iterations(), parsed.hash().length * 8);
        return MessageDigest.isEqual(actual, parsed.hash());
    }

    /** Parses a {@code pbkdf2:} spec; the exception's message says what is wrong with it. */
    static Pbkdf2Hash parse(String spec) {
        String[] parts = spec.split(":", -1);
        String expected = "must look like pbkdf2:<iterations>:<base64 salt>:<base64 hash>"
                + " (made by `java -jar alidav.jar hash-password`)";
        if (parts.length != 4 || !parts[0].equals("pbkdf2")) throw new IllegalArgumentException(expected);
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || salt.length == 0 || hash.length == 0) throw new IllegalArgumentException(expected);
            return new Pbkdf2Hash(iterations, salt, hash);
        } catch (IllegalArgumentException e) { // also NumberFormatException and Base64's errors
            throw new IllegalArgumentException(expected);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }
}
