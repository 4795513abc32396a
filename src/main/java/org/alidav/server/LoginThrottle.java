package org.alidav.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins from one address within
 * {@code window}, that address is refused (429) for {@code block}.
 */
final class LoginThrottle {
    private static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Duration block;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();
    private final Map<String, Instant> blockedUntil = new HashMap<>();

    LoginThrottle(int maxFailures, Duration window, Duration block, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.block = block;
        this.clock = clock;
    }

    static LoginThrottle standard() {
        return new LoginThrottle(5, Duration.ofMinutes(5), Duration.ofMinutes(5), Clock.systemUTC());
    }

    /** How long the address must still wait, or empty when it may try. */
    synchronized Optional<Duration> blocked(String address) {
        Instant until = blockedUntil.get(address);
        Instant now = clock.instant();
        if (until == null) return Optional.empty();
        if (!now.isBefore(until)) {
            blockedUntil.remove(address);
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until));
    }

    synchronized void failed(String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) prune(now);
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        times.addLast(now);
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) times.removeFirst();
        if (times.size() >= maxFailures) {
            blockedUntil.put(address, now.plus(block));
            failures.remove(address);
        }
    }

    synchronized void succeeded(String address) {
        failures.remove(address);
    }

    private void prune(Instant now) {
        failures.values().removeIf(d -> d.isEmpty() || d.peekLast().isBefore(now.minus(window)));
        blockedUntil.values().removeIf(until -> !now.isBefore(until));
    }
}
