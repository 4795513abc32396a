package org.alidav.drive;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A body opened at its first read: an upload that never reads it (a rapid upload's hit) never opens
 * the source, so a copy of content the cloud already holds downloads nothing.
 */
public final class OpenOnRead extends InputStream {
    private final Supplier<InputStream> opener;
    private InputStream in;

    public OpenOnRead(Supplier<InputStream> opener) {
        this.opener = opener;
    }

    private InputStream in() {
        if (in == null) in = opener.get();
        return in;
    }

    @Override
    public int read() throws IOException {
        return in().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return in().read(b, off, len);
    }

    @Override
    public void close() throws IOException {
        if (in != null) in.close();
    }
}
