package org.alidav.drive.cache;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/** Reports the bytes read through it, and runs {@code onClose} once when closed. */
final class CountingInputStream extends FilterInputStream {
    private final LongConsumer counter;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    CountingInputStream(InputStream in, LongConsumer counter, Runnable onClose) {
        super(in);
        this.counter = counter;
        this.onClose = onClose;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) counter.accept(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) counter.accept(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return in.skip(n);
    }

    /** Keeps the wrapped stream's own (possibly faster) transferTo, counting what it writes. */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        return in.transferTo(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                counter.accept(1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                counter.accept(len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        });
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            if (closed.compareAndSet(false, true) && onClose != null) onClose.run();
        }
    }
}
