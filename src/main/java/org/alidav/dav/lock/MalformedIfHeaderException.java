package org.alidav.dav.lock;

/** The If header does not follow RFC 4918 §10.4.2; the request gets 400. */
public final class MalformedIfHeaderException extends Exception {
    public MalformedIfHeaderException(String message) {
        super(message);
    }
}
