package org.alidav.drive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;

/** Contents and reads the conformance tests share. */
final class ConformanceData {
    private ConformanceData() {
    }

    /** {@code size} bytes of noise, the same for the same seed. */
    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha1(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(b));
    }

    /** An upload of {@code content} onto a free name (or over {@code existing}), with the client's {@code modified} or null. */
    static Upload upload(byte[] content, Instant modified, Entry existing) {
        return new Upload(new ByteArrayInputStream(content), content.length, modified, null, existing);
    }

    /** The bytes of {@code range} of {@code file}, read straight from the driver. */
    static byte[] read(Driver driver, Entry file, ByteRange range) throws IOException {
        try (InputStream in = driver.open(file, range)) {
            return in.readAllBytes();
        }
    }
}
