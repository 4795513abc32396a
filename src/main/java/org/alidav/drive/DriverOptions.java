package org.alidav.drive;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.alidav.option.Option;
import org.alidav.option.OptionSet;

/**
 * A driver's options as written in the config, read through the driver's declarations
 * ({@link DriverFactory#options()}). A key the driver does not declare is in {@link #unknownKeys()},
 * which the server refuses before the driver is built; a declared option the driver never reads is
 * in {@link #unread()}, which the server treats as a bug, so an option can never be parsed and
 * silently ignored.
 */
public final class DriverOptions {
    private final OptionSet declared;
    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();

    public DriverOptions(OptionSet declared, Map<String, ?> values) {
        this.declared = declared;
        this.values = new LinkedHashMap<>(values);
    }

    /** Wrong type or missing value: {@code key} names the option so the user can find it. */
    public static final class OptionException extends RuntimeException {
        private final String key;

        public OptionException(String key, String message) {
            super(message);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** The value of {@code option}: its default when absent; null when it has none. */
    public <T> T get(Option<T> option) {
        if (!declared.declares(option.name())) throw new IllegalArgumentException(option.name() + " is not an option of " + declared.title());
        read.add(option.name());
        try {
            return option.read(values.get(option.name()));
        } catch (IllegalArgumentException e) {
            throw new OptionException(option.name(), e.getMessage());
        }
    }

    /** The keys written in the config that the driver does not declare, in file order. */
    public Set<String> unknownKeys() {
        return declared.unknown(values.keySet());
    }

    /** The declared options nobody read. */
    public Set<String> unread() {
        Set<String> unread = new LinkedHashSet<>(declared.names());
        unread.removeAll(read);
        return unread;
    }
}
