package org.alidav.aliyun;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.alidav.drive.ContentProbe;

/**
 * Rapid-upload proof v1 (docs/open-api.md, "Uploads"): the server picks 8 bytes of the file at an offset derived
 * from the access token of the request, and the client proves it holds the file by sending them.
 */
final class ProofCode {
    private ProofCode() {
    }

    /** MD5 of the token, first 16 hex digits as an unsigned 64-bit number, modulo the size. */
    static long offset(String accessToken, long size) {
        if (size <= 0) return 0;
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(accessToken.getBytes(StandardCharsets.UTF_8));
            BigInteger value = new BigInteger(HexFormat.of().formatHex(md5).substring(0, 16), 16);
            return value.mod(BigInteger.valueOf(size)).longValue();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many leading bytes of the file the proof for this token needs. */
    static long bytesNeeded(String accessToken, long size) {
        return Math.min(size, offset(accessToken, size) + 8);
    }

    /** The proof for a file of {@code size} bytes read through {@code probe}: one read of at most 8 bytes. */
    static String compute(String accessToken, long size, ContentProbe probe) throws IOException {
        if (size <= 0) return "";
        long start = offset(accessToken, size);
        return Base64.getEncoder().encodeToString(probe.read(start, (int) (Math.min(start + 8, size) - start)));
    }

    /**
     * The proof for a file of {@code size} bytes whose first bytes are in {@code file}; fails when the
     * file holds fewer bytes than the proof needs (a prefix spooled for another token).
     */
    static String compute(String accessToken, long size, Path file) throws IOException {
        if (size <= 0) return "";
        long start = offset(accessToken, size);
        int len = (int) (Math.min(start + 8, size) - start);
        byte[] bytes = new byte[len];
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            if (raf.length() < start + len) throw new IOException("proof bytes lie beyond the spooled prefix");
            raf.seek(start);
            raf.readFully(bytes);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }
}
