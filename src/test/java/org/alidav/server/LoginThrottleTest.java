package org.alidav.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.alidav.TestClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        for (int i = 0; i < 4; i++) throttle.failed("a", "alice");
        clock.advance(Duration.ofMinutes(6));
        throttle.failed("a", "alice");
        assertFalse(throttle.blocked("a", "alice").isPresent());
    }

    @Test
    void fiveFailuresBlockTheAddressAndNameForFiveMinutes() {
        for (int i = 0; i < 5; i++) throttle.failed("a", "alice");
        assertTrue(throttle.blocked("a", "alice").isPresent());
        assertFalse(throttle.blocked("b", "alice").isPresent(), "alice may still log in from elsewhere");
        assertFalse(throttle.blocked("a", "bob").isPresent(), "and the address may still log in as someone else");
        clock.advance(Duration.ofMinutes(5));
        assertFalse(throttle.blocked("a", "alice").isPresent());
    }

    @Test
    void aSprayOverManyNamesBlocksTheAddress() {
        for (int i = 0; i < LoginThrottle.PER_ADDRESS_FAILURES - 1; i++) throttle.failed("a", "user" + i);
        assertFalse(throttle.blocked("a", "carol").isPresent());
        throttle.failed("a", "user-last");
        Optional<Duration> wait = throttle.blocked("a", "carol");
        assertEquals(Optional.of(Duration.ofMinutes(15)), wait);
        assertTrue(throttle.blocked("a", null).isPresent(), "also without a name");
        assertFalse(throttle.blocked("b", "carol").isPresent());
    }

    @Test
    void successForgetsEarlierFailuresOfThatName() {
        for (int i = 0; i < 4; i++) throttle.failed("a", "alice");
        throttle.succeeded("a", "alice");
        throttle.failed("a", "alice");
        assertFalse(throttle.blocked("a", "alice").isPresent());
    }
}
