package org.alidav.dav.props;

import java.io.IOException;
import java.io.OutputStream;
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

    private void ensure(int more) {
        if (bytes.length - count < more) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
    }

    /** Sends what was collected to {@code out}. */
    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, count);
    }
}
