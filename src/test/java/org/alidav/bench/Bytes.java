package org.alidav.bench;

import java.io.InputStream;
import java.util.Random;

/** Deterministic content of any size, generated as it is read: nothing big is ever held or written. */
final class Bytes extends InputStream {
    private static final int BLOCK = 1 << 20;
    private final byte[] block = new byte[BLOCK];
    private final long size;
    private long pos;

    /** {@code size} bytes; equal seeds give equal content. */
    Bytes(long seed, long size) {
        new Random(seed).nextBytes(block);
        this.size = size;
    }

    @Override
    public int read() {
        if (pos >= size) return -1;
        return byteAt(pos++) & 0xff;
    }

    private byte byteAt(long p) {
        long blockNo = p / BLOCK;
        int off = (int) (p % BLOCK);
        // every 1 MiB block differs from the others in its first 8 bytes
        return off < 8 ? (byte) ((blockNo >>> (8 * off)) ^ block[off]) : block[off];
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos >= size) return -1;
        int n = (int) Math.min(len, size - pos);
        int done = 0;
        while (done < n) {
            int inBlock = (int) ((pos + done) % BLOCK);
            int chunk = Math.min(n - done, BLOCK - inBlock);
            System.arraycopy(block, inBlock, b, off + done, chunk);
            done += chunk;
        }
        for (int i = 0; i < n; i++) {
            long p = pos + i;
            if (p % BLOCK < 8) b[off + i] = byteAt(p);
        }
        pos += n;
        return n;
    }
}
