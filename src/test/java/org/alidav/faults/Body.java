package org.alidav.faults;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** One complete body a writer sends, with its SHA-1 as the service reports it (upper-case hex). */
record Body(String label, byte[] bytes, String sha1) {
    /** A random body of {@code size} bytes; the seed makes every writer's body distinct. */
    static Body random(String label, int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        try {
            return new Body(label, b, HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(b)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
