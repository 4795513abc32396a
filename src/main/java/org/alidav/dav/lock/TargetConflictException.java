package org.alidav.dav.lock;

/** An empty resource cannot be created at a path because its parent is missing or no collection (→ 409). */
public final class TargetConflictException extends Exception {
    public TargetConflictException(String message) {
        super(message);
    }
}
