package org.alidav;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.LongConsumer;

/**
 * A long pseudo-random body made on the fly (no array of its size): a random pattern whose length is
 * prime, repeated, so no two parts of a power-of-two size are alike. Keeps the SHA-1 of what it gave
 * out, and can call {@code atOffset} once when the reader first passes that offset.
 */
public final class GeneratedBody extends InputStream {
    private static final int PATTERN = 1_048_573; // prime
    private final byte[] pattern = new byte[PATTERN];
    private final long size;
    private final MessageDigest sha1;
    private long pos;
    private long triggerAt = -1;
    private LongConsumer trigger;

    public GeneratedBody(long size, long seed) {
        this.size = size;
        new Random(seed).nextBytes(pattern);
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code action} with the offset when the reader first reaches {@code offset}. */
    public GeneratedBody at(long offset, LongConsumer action) {
        triggerAt = offset;
        trigger = action;
        return this;
    }

    /** The SHA-1 of the whole body, reading it to the end. */
    public static String sha1Of(long size, long seed) throws java.io.IOException {
        GeneratedBody b = new GeneratedBody(size, seed);
        b.transferTo(java.io.OutputStream.nullOutputStream());
        return b.sha1();
    }

    /** The lowercase hex SHA-1 of the bytes read so far. */
    public String sha1() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) sha1.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos >= size) return -1;
        if (triggerAt >= 0 && pos >= triggerAt) {
            LongConsumer t = trigger;
            triggerAt = -1;
            t.accept(pos);
        }
        int n = (int) Math.min(len, size - pos);
        int done = 0;
        while (done < n) {
            int at = (int) ((pos + done) % PATTERN);
            int chunk = Math.min(n - done, PATTERN - at);
            System.arraycopy(pattern, at, b, off + done, chunk);
            done += chunk;
        }
        sha1.update(b, off, n);
        pos += n;
        return n;
    }
}
