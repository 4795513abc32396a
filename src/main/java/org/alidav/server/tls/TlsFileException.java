package org.alidav.server.tls;

/** A certificate or key file that cannot be used; the message is one line naming the file. */
public final class TlsFileException extends RuntimeException {
    public TlsFileException(String message) {
        super(message);
    }
}
