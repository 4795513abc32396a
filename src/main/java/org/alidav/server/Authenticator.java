package org.alidav.server;

import java.util.Optional;

/**
 * Checks a user name and password. Implementations compare in constant time and take about as long
 * for an unknown user as for a wrong password, so timing reveals nothing.
 */
public interface Authenticator {
    Optional<Principal> authenticate(String user, String password);

    /**
     * For setups without users (loopback only, the config refuses others): every request is anonymous,
     * including those of clients that send credentials out of habit.
     */
    Authenticator ANYONE = (user, password) -> Optional.of(Principal.ANONYMOUS);
}
