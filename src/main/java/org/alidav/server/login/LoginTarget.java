package org.alidav.server.login;

import org.alidav.aliyun.OpenPlatformApp;
import org.alidav.aliyun.TokenFile;
import org.alidav.drive.HealthReporter.TokenState;
import org.alidav.drive.cache.Storage;

/**
 * A storage the login page can log in: an {@code aliyundrive-open} storage, the app its QR login uses,
 * and the token file a login is saved to (which its driver watches, so the storage serves at once).
 *
 * @param mount     where the storage is served
 * @param storage   the running storage, for its token state
 * @param app       its Open Platform app ({@link OpenPlatformApp#hasCredentials()} false: no QR login)
 * @param tokenFile where a login goes
 */
public record LoginTarget(String mount, Storage storage, OpenPlatformApp app, TokenFile tokenFile) {

    /** The storage's token state now, as {@code /-/health} shows it. */
    TokenState token() {
        TokenState t = storage.health().token();
        return t == null ? TokenState.UNKNOWN : t;
    }

    /** True when the storage has no usable token: never logged in, or its token was refused. */
    boolean needsLogin() {
        TokenState t = token();
        return t == TokenState.NEEDS_LOGIN || t == TokenState.DEAD;
    }
}
