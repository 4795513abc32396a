package org.alidav.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/** Random identifiers in the formats the real service uses (all opaque to clients). */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String hex(int chars) {
        byte[] b = new byte[(chars + 1) / 2];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b).substring(0, chars);
    }

    /** 40 lowercase hex chars, like real file ids. */
    static String fileId() {
        return hex(40);
    }

    static String requestId() {
        return UUID.randomUUID().toString().toUpperCase();
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
