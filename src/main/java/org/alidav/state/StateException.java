package org.alidav.state;

/** The state database failed: a full disk, a damaged file, a bug in a statement. */
public final class StateException extends RuntimeException {
    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
