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
 * Counts failures per key: after {@code maxFailures} within {@code window}, the key is blocked for
 * {@code block}. At most {@value #MAX_TRACKED} keys are kept before expired ones are pruned.
 *
 * @param <K> what is counted, such as an address or an (address, user) pair
 */
final class FailureCounter<K> {
    private static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Duration block;
    private final Clock clock;
    private final Map<K, Deque<Instant>> failures = new HashMap<>();
    private final Map<K, Instant> blockedUntil = new HashMap<>();

    FailureCounter(int maxFailures, Duration window, Duration block, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.block = block;
        this.clock = clock;
    }

    /** How long the key must still wait, or empty when it may try. */
    synchronized Optional<Duration> blocked(K key) {
        Instant until = blockedUntil.get(key);
        Instant now = clock.instant();
        if (until == null) return Optional.empty();
        if (!now.isBefore(until)) {
            blockedUntil.remove(key);
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until));
    }

    synchronized void failed(K key) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED || blockedUntil.size() > MAX_TRACKED) prune(now);
        Deque<Instant> times = failures.computeIfAbsent(key, a -> new ArrayDeque<>());
        times.addLast(now);
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) times.removeFirst();
        if (times.size() >= maxFailures) {
            blockedUntil.put(key, now.plus(block));
            failures.remove(key);
        }
    }

    synchronized void succeeded(K key) {
        failures.remove(key);
    }

    private void prune(Instant now) {
        failures.values().removeIf(d -> d.isEmpty() || d.peekLast().isBefore(now.minus(window)));
        blockedUntil.values().removeIf(until -> !now.isBefore(until));
    }
}
