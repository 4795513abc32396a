package org.alidav.dav.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeoutHeaderTest {
    @Test
    void parsesPreferenceLists() {
        assertEquals(Optional.of(Duration.ofSeconds(3600)), TimeoutHeader.parse("Second-3600"));
        assertEquals(Optional.of(TimeoutHeader.INFINITE), TimeoutHeader.parse("Infinite, Second-4100000000"));
        assertEquals(Optional.of(Duration.ofSeconds(4100000000L)), TimeoutHeader.parse("second-4100000000"));
        assertEquals(Optional.of(TimeoutHeader.INFINITE), TimeoutHeader.parse("Second-99999999999999999999"));
        assertEquals(Optional.of(Duration.ofSeconds(5)), TimeoutHeader.parse("Minute-3, Second-5"));
        assertEquals(Optional.empty(), TimeoutHeader.parse("Second--5"));
        assertEquals(Optional.empty(), TimeoutHeader.parse("Second-"));
        assertEquals(Optional.empty(), TimeoutHeader.parse(null));
    }
}
