package org.alidav.dav.lock;

/** RFC 4918 §6.1 lock scopes. */
public enum LockScope {
    EXCLUSIVE, SHARED;

    /** Two locks on overlapping resources can coexist only if both are shared. */
    boolean conflictsWith(LockScope other) {
        return this == EXCLUSIVE || other == EXCLUSIVE;
    }
}
