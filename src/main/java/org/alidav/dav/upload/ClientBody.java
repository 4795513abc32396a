package org.alidav.dav.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that remembers whether reading it failed, so that a driver error caused by a
 * client that went away mid-upload is reported as that (and not as a failing backend).
 */
final class ClientBody extends FilterInputStream {
    private IOException failure;

    ClientBody(InputStream in) {
        super(in);
    }

    IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void close() {
        // the servlet container owns the request stream
    }
}
