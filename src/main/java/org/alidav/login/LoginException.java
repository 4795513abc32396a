package org.alidav.login;

/** A login that cannot go on; the message is one line a user can act on and never holds a secret. */
public final class LoginException extends Exception {

    /** Why, so a caller can choose what to do (the command picks its exit status from it). */
    public enum Reason {
        /** The service does not know the app or its secret: fix client_id / client_secret. */
        APP_REJECTED(false),
        /** No answer from the service: network, DNS, api_base_url. */
        UNREACHABLE(true),
        /** The service is busy or failing (429, 5xx): try again later. */
        SERVICE_ERROR(true),
        /** The service refused the request for another reason (an authorization code it no longer takes…). */
        REFUSED(false),
        /** The service answered without what the call returns. */
        BAD_ANSWER(false),
        /** Every QR code expired before it was confirmed. */
        CODES_EXPIRED(false),
        /** The tokens were issued but could not be written. */
        NOT_SAVED(false);

        private final boolean transientFailure;

        Reason(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** Whether asking again later may work without the user changing anything. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Reason reason;
    private final String serviceCode;

    public LoginException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** {@code serviceCode}: the {@code code} of the service's error answer, when there was one. */
    public LoginException(Reason reason, String message, String serviceCode) {
        super(message);
        this.reason = reason;
        this.serviceCode = serviceCode;
    }

    public Reason reason() {
        return reason;
    }

    /** The service's error code ({@code InvalidClientSecret}, {@code QRCodeExpired}…), or null. */
    public String serviceCode() {
        return serviceCode;
    }
}
