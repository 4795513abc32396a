package org.alidav.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(5), Duration.ofMinutes(5), clock);

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        for (int i = 0; i < 4; i++) throttle.failed("a");
        now = now.plus(Duration.ofMinutes(6));
        throttle.failed("a");
        assertFalse(throttle.blocked("a").isPresent());
    }

    @Test
    void blockEndsAfterItsDuration() {
        for (int i = 0; i < 5; i++) throttle.failed("a");
        assertTrue(throttle.blocked("a").isPresent());
        assertFalse(throttle.blocked("b").isPresent());
        now = now.plus(Duration.ofMinutes(5));
        assertFalse(throttle.blocked("a").isPresent());
    }

    @Test
    void successForgetsEarlierFailures() {
        for (int i = 0; i < 4; i++) throttle.failed("a");
        throttle.succeeded("a");
        throttle.failed("a");
        assertFalse(throttle.blocked("a").isPresent());
    }
}
