package org.alidav.dav.lock;

import java.time.Duration;
import java.util.Optional;

/** Reads the RFC 4918 §10.7 Timeout header: a comma-separated preference list of {@code Second-N} / {@code Infinite}. */
public final class TimeoutHeader {
    /** Stands for {@code Infinite}; {@link LockManager} caps every timeout to its maximum. */
    public static final Duration INFINITE = Duration.ofSeconds(Long.MAX_VALUE);

    private TimeoutHeader() {
    }

    /** The first understood preference; empty if the header is absent or has none we understand. */
    public static Optional<Duration> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String option : header.split(",")) {
            String value = option.trim();
            if (value.equalsIgnoreCase("Infinite")) {
                return Optional.of(INFINITE);
            }
            if (value.regionMatches(true, 0, "Second-", 0, 7)) {
                String seconds = value.substring(7);
                if (!seconds.isEmpty() && seconds.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    // more than 18 digits cannot be a long and is far beyond any cap
                    return Optional.of(seconds.length() > 18 ? INFINITE : Duration.ofSeconds(Long.parseLong(seconds)));
                }
            }
        }
        return Optional.empty();
    }
}
