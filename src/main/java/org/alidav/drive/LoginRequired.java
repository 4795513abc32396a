package org.alidav.drive;

/**
 * A storage that cannot reach its backend until a user logs in: it never had a token, or the
 * backend refused its token for good. The WebDAV layer answers 503 and says how to log in.
 */
public final class LoginRequired extends DriveException {
    private final String mount;
    private final boolean expired;

    /**
     * @param mount   the storage's mount path, or null when the thrower serves several (a shared token)
     * @param expired true when a token existed and was refused, false when there never was one
     * @param message for the log: why (never the token)
     */
    public LoginRequired(String mount, boolean expired, String message) {
        super(Kind.NOT_LOGGED_IN, message);
        this.mount = mount;
        this.expired = expired;
    }

    public String mount() {
        return mount;
    }

    public boolean expired() {
        return expired;
    }

    /** The same error, naming the storage the request was for. */
    public LoginRequired forMount(String storageMount) {
        return new LoginRequired(storageMount, expired, getMessage());
    }
}
