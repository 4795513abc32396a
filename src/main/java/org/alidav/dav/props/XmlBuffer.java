package org.alidav.dav.props;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Collects a generated answer before it goes to the stream Milton gave, in one write: Milton's XML writer
 * sends every tag and value as a write of its own (some twenty per entry of a PROPFIND), and the stream it
 * hands over is a {@link java.io.ByteArrayOutputStream}, whose writes each take a lock and which grows from
 * 32 bytes by copying. Not thread-safe: one answer, one thread.
 */
final class XmlBuffer extends OutputStream {
    private byte[] bytes;
    private int count;

    /** @param expected a guess of the answer's size, so it rarely grows */
    XmlBuffer(int expected) {
        bytes = new byte[Math.max(256, expected)];
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, count, len);
        count += len;
    }

    /** Appends {@code s} as UTF-8; ASCII, nearly all of an answer, without an intermediate byte array. */
    void append(String s) {
        if (!copied(s, false)) append(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Appends {@code s} as text content, as {@link PlainStringValueWriter#escape} writes it; a value of printable
     * ASCII with nothing to escape (nearly every name, tag and type) is copied without a string made for it.
     */
    void appendText(String s) {
        if (!copied(s, true)) append(PlainStringValueWriter.escape(s));
    }

    /**
     * Copies {@code s} when it is ASCII, and for {@code text} printable with nothing to escape; otherwise copies
     * nothing (what it wrote is past {@link #count}, to be written over) and answers false.
     */
    private boolean copied(String s, boolean text) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || text && (c < 0x20 || c == 0x7f || c == '&' || c == '<' || c == '>')) return false;
            bytes[count + i] = (byte) c;
        }
        count += n;
        return true;
    }

    /** Appends bytes prepared once (fixed markup). */
    void append(byte[] b) {
        write(b, 0, b.length);
    }

    private void ensure(int more) {
        if (bytes.length - count < more) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
    }

    /** How many bytes were collected. */
    int size() {
        return count;
    }

    /** Sends what was collected to {@code out}. */
    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, count);
    }
}
