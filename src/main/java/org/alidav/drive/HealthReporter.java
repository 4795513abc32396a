package org.alidav.drive;

/** Optional driver capability: what {@code GET /-/health} shows about the driver's credentials. */
public interface HealthReporter {

    /** The state of the credentials a driver uses to reach its backend. */
    enum TokenState {
        /** Not used yet: no call has needed a token so far. */
        UNKNOWN,
        /** A token that the backend accepted, or a fresh one, is at hand. */
        OK,
        /** The last refresh failed transiently; calls fail fast until it is retried. */
        FAILING,
        /** The refresh token was refused for good: an operator must configure a new one. */
        DEAD
    }

    TokenState tokenState();
}
