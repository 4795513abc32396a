package org.alidav.drive;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.alidav.drive.Features.Capability;
import org.alidav.drive.cache.Storage;
import org.junit.jupiter.api.Test;

class FeaturesTest {
    /** A driver that implements nothing optional, declaring {@code features}. */
    private static Driver plainDriver(Features features) {
        return (Driver) Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] {Driver.class}, (proxy, method, args) -> {
            if (method.getName().equals("features")) return features;
            throw new UnsupportedOperationException(method.getName());
        });
    }

    @Test
    void aStorageRefusesADriverDeclaringAnAbilityItLacks() {
        Driver liar = plainDriver(new Features(EnumSet.of(Capability.LINKS), Set.of(), Duration.ofSeconds(1), false));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Storage("/x", liar, Duration.ZERO, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("LINKS") && e.getMessage().contains("Linker"), e.getMessage());
    }

    @Test
    void aTimePrecisionMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Features(Set.of(), Set.of(), Duration.ZERO, false));
    }
}
