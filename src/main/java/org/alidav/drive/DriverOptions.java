package org.alidav.drive;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A driver's options as written in the config, read with typed getters. Every getter marks its key
 * as known, so that after a driver was built {@link #unknownKeys()} lists what nobody read: the
 * config loader refuses those, and an option can never be parsed and silently ignored.
 */
public final class DriverOptions {
    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();

    public DriverOptions(Map<String, ?> values) {
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

    public String string(String key, String fallback) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) return fallback;
        if (v instanceof Map || v instanceof List) throw new OptionException(key, "must be a string");
        return v.toString();
    }

    public String requiredString(String key) {
        String v = string(key, null);
        if (v == null || v.isBlank()) throw new OptionException(key, "is required");
        return v;
    }

    public boolean bool(String key, boolean fallback) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) return fallback;
        if (v instanceof Boolean b) return b;
        String s = v.toString().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) return Boolean.parseBoolean(s);
        throw new OptionException(key, "must be true or false, not '" + v + "'");
    }

    public long number(String key, long fallback) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) return fallback;
        if (v instanceof Number n) return n.longValue();
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new OptionException(key, "must be a whole number, not '" + v + "'");
        }
    }

    /** A duration written as seconds ({@code 90}) or with a unit ({@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}). */
    public Duration duration(String key, Duration fallback) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) return fallback;
        if (v instanceof Number n) return Duration.ofSeconds(n.longValue());
        try {
            return parseDuration(v.toString());
        } catch (IllegalArgumentException e) {
            throw new OptionException(key, "must be a duration such as 30s, 10m or 2h, not '" + v + "'");
        }
    }

    public static Duration parseDuration(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.matches("\\d+")) return Duration.ofSeconds(Long.parseLong(s));
        if (s.matches("\\d+ms")) return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        if (s.matches("\\d+[smhd]")) {
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        throw new IllegalArgumentException(text);
    }

    /** One of {@code allowed} (compared case-insensitively, answered as written in {@code allowed}). */
    public String choice(String key, String fallback, String... allowed) {
        String v = string(key, null);
        if (v == null || v.isEmpty()) return fallback;
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) return a;
        }
        throw new OptionException(key, "must be one of " + String.join(", ", allowed) + ", not '" + v + "'");
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public Set<String> unknownKeys() {
        Set<String> unknown = new LinkedHashSet<>(values.keySet());
        unknown.removeAll(read);
        return unknown;
    }
}
