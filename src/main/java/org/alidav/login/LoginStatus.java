package org.alidav.login;

/**
 * Where one login attempt stands, a snapshot safe to show.
 *
 * @param phase      what the user has done so far
 * @param ticket     the QR code to show now (the fresh one after an expiry); null before
 *                   {@link LoginAttempt#start()} got the first code, or when it could not
 * @param freshCodes how many codes replaced an expired one so far (at most {@link LoginAttempt#FRESH_CODES})
 * @param message    one line for the user about the phase
 * @param result     the login, at {@link Phase#DONE} only (already saved)
 * @param failure    why it ended, at {@link Phase#FAILED} only
 */
public record LoginStatus(Phase phase, QrTicket ticket, int freshCodes, String message, LoginResult result,
                          LoginException.Reason failure) {

    public enum Phase {
        /** The code is shown; nobody scanned it yet. */
        WAITING(false),
        /** Scanned; waiting for the user to confirm in the app. */
        SCANNED(false),
        /** The previous code expired and {@link LoginStatus#ticket} is a fresh one. */
        EXPIRED(false),
        /** Logged in, and the tokens were saved. */
        DONE(true),
        /** Ended without a login; see {@link LoginStatus#failure} and the message. */
        FAILED(true),
        /** Stopped by {@link LoginAttempt#cancel()}; nothing was saved. */
        CANCELLED(true);

        private final boolean finished;

        Phase(boolean finished) {
            this.finished = finished;
        }

        /** Whether the attempt is over (polling again changes nothing). */
        public boolean finished() {
            return finished;
        }
    }
}
