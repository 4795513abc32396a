package org.alidav.login;

/**
 * What the service says about a QR code.
 *
 * @param stage    where the user is
 * @param authCode the authorization code, present only at {@link Stage#CONFIRMED}
 */
record QrState(Stage stage, String authCode) {

    enum Stage {
        /** Not scanned yet (also any status the service may add that we do not know). */
        WAITING,
        /** Scanned; the user still has to confirm in the app. */
        SCANNED,
        /** Confirmed: {@link #authCode} can be exchanged for tokens. */
        CONFIRMED,
        /** The code is no longer valid. */
        EXPIRED
    }

    static QrState of(Stage stage) {
        return new QrState(stage, null);
    }
}
