package org.alidav.dav.http;

/**
 * A WebDAV answer that is no driver error, thrown from inside Milton's handlers (where only
 * exceptions get out) and answered by {@link DavErrorFilter}: MKCOL onto an existing name is 405.
 */
public final class DavStatusException extends RuntimeException {
    private final int status;

    public DavStatusException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
