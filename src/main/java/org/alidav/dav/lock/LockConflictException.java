package org.alidav.dav.lock;

/** A LOCK that cannot be granted because another lock overlaps it (RFC 4918 {@code no-conflicting-lock}). */
public final class LockConflictException extends Exception {
    private final transient ActiveLock conflicting;

    public LockConflictException(ActiveLock conflicting) {
        super("conflicts with lock on " + conflicting.root());
        this.conflicting = conflicting;
    }

    public ActiveLock conflicting() {
        return conflicting;
    }
}
