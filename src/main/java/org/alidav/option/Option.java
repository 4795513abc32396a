package org.alidav.option;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One key of the config file, declared once: its name, the type its value is parsed as (with the
 * checks that refuse a value, each with its own message), the value when the key is absent, and a
 * line of help. The config loader and the drivers read values through it, {@code alidav options}
 * lists it, and a test checks that the example config mentions it.
 *
 * @param fallback the value when the key is absent (or written without a value); null when there is none
 * @param required whether an absent key is refused with "is required"
 */
public record Option<T>(String name, ValueParser<T> type, T fallback, boolean required, String help) {

    public Option {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(help, "help");
    }

    /** A key that may be left out, then reading as {@code fallback}. */
    public static <T> Option<T> of(String name, ValueParser<T> type, T fallback, String help) {
        return new Option<>(name, type, fallback, false, help);
    }

    /** A key that may be left out, without a fixed default (the reader decides, see the help). */
    public static <T> Option<T> optional(String name, ValueParser<T> type, String help) {
        return new Option<>(name, type, null, false, help);
    }

    /** A key that must be given. */
    public static <T> Option<T> required(String name, ValueParser<T> type, String help) {
        return new Option<>(name, type, null, true, help);
    }

    /** This option, refusing a value that does not pass {@code ok} with {@code problem} (the default is not checked). */
    public Option<T> check(Predicate<? super T> ok, String problem) {
        ValueParser<T> unchecked = type;
        return new Option<>(name, ValueParser.named(unchecked.describe(), raw -> {
            T value = unchecked.parse(raw);
            if (!ok.test(value)) throw new IllegalArgumentException(problem);
            return value;
        }), fallback, required, help);
    }

    /**
     * The value written as {@code raw} (null when the key is absent). The exception's message says what
     * is wrong without naming the key, for the reader to say where the value came from.
     */
    public T read(Object raw) {
        if (raw == null) {
            if (required) throw new IllegalArgumentException("is required");
            return fallback;
        }
        return type.parse(raw);
    }

    /** The default as the config file would write it ({@code 60s}, not {@code PT1M}); empty when there is none. */
    public String defaultText() {
        if (fallback == null) return "";
        if (fallback instanceof Duration d) return durationText(d);
        if (fallback instanceof String s && s.isEmpty()) return "\"\"";
        return fallback.toString();
    }

    private static String durationText(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) return ms + "ms";
        long s = ms / 1000;
        if (s != 0 && s % 86_400 == 0) return s / 86_400 + "d";
        if (s != 0 && s % 3600 == 0) return s / 3600 + "h";
        if (s != 0 && s % 60 == 0) return s / 60 + "m";
        return s + "s";
    }
}
