package org.alidav.server;

import org.alidav.TestClock;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(5), Duration.ofMinutes(5), clock);

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        for (int i = 0; i < 4; i++) throttle.failed("a");
        clock.advance(Duration.ofMinutes(6));
        throttle.failed("a");
        assertFalse(throttle.blocked("a").isPresent());
    }

    @Test
    void blockEndsAfterItsDuration() {
        for (int i = 0; i < 5; i++) throttle.failed("a");
        assertTrue(throttle.blocked("a").isPresent());
        assertFalse(throttle.blocked("b").isPresent());
        clock.advance(Duration.ofMinutes(5));
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
