package org.alidav.sandbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digest helpers; the service reports SHA-1 as UPPERCASE hex. */
final class Hashing {
    private Hashing() {
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String upperHex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    static String sha1Upper(byte[] data, int off, int len) {
        MessageDigest md = digest("SHA-1");
        md.update(data, off, len);
        return upperHex(md.digest());
    }
}
