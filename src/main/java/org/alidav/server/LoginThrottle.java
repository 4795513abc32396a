package org.alidav.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Slows down password guessing at two levels, both answered 429 with {@code Retry-After}:
 * <ul>
 * <li>per (client address, user name): {@value #PER_USER_FAILURES} failed logins within five
 *     minutes block that pair for five minutes. Counting the pair, not the name alone, means an
 *     attacker cannot lock a user out from everywhere: the user's own address keeps working.</li>
 * <li>per client address, whatever the names: {@value #PER_ADDRESS_FAILURES} failures within ten
 *     minutes block the address for fifteen, which stops a password spray (one guess for each of
 *     many names) from one address.</li>
 * </ul>
 * The address is the TCP peer's, or the forwarded client's behind a trusted proxy ({@link ForwardedHeaders}).
 */
final class LoginThrottle {
    static final int PER_USER_FAILURES = 5;
    static final int PER_ADDRESS_FAILURES = 20;

    /** Who tried to log in as whom. */
    private record Attempt(String address, String user) {
    }

    private final FailureCounter<Attempt> perUser;
    private final FailureCounter<String> perAddress;

    LoginThrottle(Clock clock) {
        this.perUser = new FailureCounter<>(PER_USER_FAILURES, Duration.ofMinutes(5), Duration.ofMinutes(5), clock);
        this.perAddress = new FailureCounter<>(PER_ADDRESS_FAILURES, Duration.ofMinutes(10), Duration.ofMinutes(15), clock);
    }

    /** How long this address must wait before it may log in as {@code user} (null: no name given). */
    Optional<Duration> blocked(String address, String user) {
        Optional<Duration> byAddress = perAddress.blocked(address);
        Optional<Duration> byUser = user == null ? Optional.empty() : perUser.blocked(new Attempt(address, user));
        if (byAddress.isEmpty()) return byUser;
        if (byUser.isEmpty()) return byAddress;
        return Optional.of(byAddress.get().compareTo(byUser.get()) >= 0 ? byAddress.get() : byUser.get());
    }

    void failed(String address, String user) {
        perAddress.failed(address);
        perUser.failed(new Attempt(address, user));
    }

    /** A good password forgets this pair's failures; the address's count stays, or a spray could reset it. */
    void succeeded(String address, String user) {
        perUser.succeeded(new Attempt(address, user));
    }
}
