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
        /** There is no token at all: a user must log in ({@code alidav login} or {@code /-/login}). */
        NEEDS_LOGIN,
        /** The refresh token was refused for good: a user must log in again. */
        DEAD
    }

    TokenState tokenState();
}
