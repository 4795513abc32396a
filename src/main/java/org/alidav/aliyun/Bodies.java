package org.alidav.aliyun;

import java.io.IOException;
import java.io.InputStream;
import org.alidav.drive.DriveException;

/** The errors of an upload body that does not match its declared size. */
final class Bodies {
    private Bodies() {
    }

    static DriveException endedEarly(long got, long size) {
        return DriveException.conflict("the body ended after " + got + " of " + size + " bytes");
    }

    static DriveException unreadable(IOException e) {
        return new DriveException(DriveException.Kind.CONFLICT, "could not read the upload body (the client stopped sending)", null, e);
    }

    /** Fails when {@code in} still has bytes after the declared {@code size}. */
    static void requireEnd(InputStream in, long size) throws IOException {
        if (in.read() >= 0) throw DriveException.conflict("the body is longer than the declared " + size + " bytes");
    }
}
