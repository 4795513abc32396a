package org.alidav.option;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one scalar, as YAML produced it or as an environment variable / flag holds it, into a
 * typed value. The exception's message says what is wrong without naming the key, so the YAML
 * reader, a driver, the environment and the command line can each prefix it with where the value
 * came from. {@link #describe()} names the accepted values for the option list of {@code alidav options}.
 */
@FunctionalInterface
public interface ValueParser<T> {

    T parse(Object raw);

    /** What the option list shows as the type, e.g. {@code duration} or {@code trash|delete}. */
    default String describe() {
        return "value";
    }

    /** {@code parser}, described as {@code description}. */
    static <T> ValueParser<T> named(String description, ValueParser<T> parser) {
        return new ValueParser<>() {
            @Override
            public T parse(Object raw) {
                return parser.parse(raw);
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }

    ValueParser<String> STRING = named("text", raw -> {
        if (raw instanceof Map || raw instanceof List) throw new IllegalArgumentException("must be a string");
        return raw.toString();
    });

    ValueParser<Boolean> BOOLEAN = named("true|false", raw -> {
        if (raw instanceof Boolean b) return b;
        String s = STRING.parse(raw).trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) return Boolean.parseBoolean(s);
        throw new IllegalArgumentException("must be true or false, not '" + raw + "'");
    });

    ValueParser<Integer> PORT = named("port 0-65535", raw -> {
        String s = STRING.parse(raw).trim();
        try {
            int port = Integer.parseInt(s);
            if (port >= 0 && port <= 65535) return port;
        } catch (NumberFormatException ignored) {
            // falls through to the message below, which shows the value
        }
        throw new IllegalArgumentException("must be a port number from 0 to 65535, not '" + raw + "'");
    });

    ValueParser<Integer> POSITIVE_INT = named("number >= 1", raw -> wholeNumber(1, Integer.MAX_VALUE).parse(raw).intValue());

    /** A whole number from {@code min} to {@code max}, written as a number or as text. */
    static ValueParser<Long> wholeNumber(long min, long max) {
        boolean unbounded = max == Integer.MAX_VALUE || max == Long.MAX_VALUE;
        String range = unbounded ? "of at least " + min : "from " + min + " to " + max;
        return named(unbounded ? "number >= " + min : "number " + min + "-" + max, raw -> {
            String s = STRING.parse(raw).trim();
            try {
                long n = Long.parseLong(s);
                if (n >= min && n <= max) return n;
            } catch (NumberFormatException ignored) {
                // falls through to the message below, which shows the value
            }
            throw new IllegalArgumentException("must be a whole number " + range + ", not '" + raw + "'");
        });
    }

    /** Requests per second: a number above zero, fractions allowed. */
    ValueParser<Double> REQUESTS_PER_SECOND = named("requests/s > 0", raw -> {
        String s = STRING.parse(raw).trim();
        try {
            double d = Double.parseDouble(s);
            if (d > 0) return d;
        } catch (NumberFormatException ignored) {
            // falls through to the message below, which shows the value
        }
        throw new IllegalArgumentException("must be a positive number of requests per second, not '" + raw + "'");
    });

    /** 90 (seconds), 500ms, 30s, 10m, 2h, 1d. */
    ValueParser<Duration> DURATION = named("duration", raw -> {
        try {
            if (raw instanceof Integer || raw instanceof Long) return Duration.ofSeconds(((Number) raw).longValue());
            return parseDuration(STRING.parse(raw));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("must be a duration such as 30s, 10m or 2h, not '" + raw + "'");
        }
    });

    /** A duration written as seconds ({@code 90}) or with a unit ({@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}). */
    static Duration parseDuration(String text) {
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

    ValueParser<String> HTTP_URL = named("http(s) URL", raw -> {
        String s = STRING.parse(raw).trim();
        try {
            URI uri = new URI(s);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) return s;
        } catch (URISyntaxException ignored) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("must be an http:// or https:// URL, not '" + raw + "'");
    });

    /** One of {@code allowed}, compared case-insensitively and answered as written in {@code allowed}. */
    static ValueParser<String> oneOf(List<String> allowed) {
        return named(String.join("|", allowed), raw -> {
            String s = STRING.parse(raw).trim();
            for (String a : allowed) {
                if (a.equalsIgnoreCase(s)) return a;
            }
            throw new IllegalArgumentException("must be one of " + String.join(", ", allowed) + ", not '" + raw + "'");
        });
    }

    /** {@link #oneOf}, where empty text (as OpenList writes an unset choice) means {@code empty}. */
    static ValueParser<String> oneOfOrEmpty(String empty, List<String> allowed) {
        ValueParser<String> choice = oneOf(allowed);
        return named(choice.describe(), raw -> STRING.parse(raw).isBlank() ? empty : choice.parse(raw));
    }

    /**
     * Text written as text: YAML 1.1 reads an unquoted {@code 0123} as the number 83, which would
     * silently change a password, so numbers and booleans are refused here.
     */
    ValueParser<String> TEXT = named("quoted text", raw -> {
        if (!(raw instanceof String s)) throw new IllegalArgumentException("must be text; put it in quotes");
        if (s.isBlank()) throw new IllegalArgumentException("must not be empty");
        return s;
    });

    /** A YAML list whose items {@code item} parses; the message names the failing item ({@code [1]}). */
    static <T> ValueParser<List<T>> list(ValueParser<T> item) {
        return named("list of " + item.describe(), raw -> {
            if (!(raw instanceof List<?> items)) throw new IllegalArgumentException("must be a list such as [a, b]");
            List<T> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                try {
                    if (items.get(i) == null) throw new IllegalArgumentException("is empty");
                    out.add(item.parse(items.get(i)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("[" + i + "] " + e.getMessage());
                }
            }
            return List.copyOf(out);
        });
    }

    /** A string with something in it. */
    ValueParser<String> NON_BLANK = named("text", raw -> {
        String s = STRING.parse(raw);
        if (s.isBlank()) throw new IllegalArgumentException("must not be empty");
        return s;
    });
}
