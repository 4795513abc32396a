package org.alidav.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alidav.drive.DriverOptions;

/**
 * Turns one scalar, as YAML produced it or as an environment variable / flag holds it, into a
 * typed value. The exception's message says what is wrong without naming the key, so the YAML
 * reader, the environment and the command line can each prefix it with where the value came from.
 */
@FunctionalInterface
interface ValueParser<T> {

    T parse(Object raw);

    ValueParser<String> STRING = raw -> {
        if (raw instanceof Map || raw instanceof List) throw new IllegalArgumentException("must be a string");
        return raw.toString();
    };

    ValueParser<Boolean> BOOLEAN = raw -> {
        if (raw instanceof Boolean b) return b;
        String s = STRING.parse(raw).trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) return Boolean.parseBoolean(s);
        throw new IllegalArgumentException("must be true or false, not '" + raw + "'");
    };

    ValueParser<Integer> PORT = raw -> {
        String s = STRING.parse(raw).trim();
        try {
            int port = Integer.parseInt(s);
            if (port >= 0 && port <= 65535) return port;
        } catch (NumberFormatException ignored) {
            // falls through to the message below, which shows the value
        }
        throw new IllegalArgumentException("must be a port number from 0 to 65535, not '" + raw + "'");
    };

    ValueParser<Integer> POSITIVE_INT = raw -> {
        String s = STRING.parse(raw).trim();
        try {
            int n = Integer.parseInt(s);
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // falls through to the message below, which shows the value
        }
        throw new IllegalArgumentException("must be a whole number of at least 1, not '" + raw + "'");
    };

    /** Same syntax as the drivers' durations ({@link DriverOptions#parseDuration}): 90, 500ms, 30s, 10m, 2h, 1d. */
    ValueParser<Duration> DURATION = raw -> {
        try {
            if (raw instanceof Integer || raw instanceof Long) return Duration.ofSeconds(((Number) raw).longValue());
            return DriverOptions.parseDuration(STRING.parse(raw));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("must be a duration such as 30s, 10m or 2h, not '" + raw + "'");
        }
    };

    ValueParser<String> HTTP_URL = raw -> {
        String s = STRING.parse(raw).trim();
        try {
            URI uri = new URI(s);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) return s;
        } catch (URISyntaxException ignored) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("must be an http:// or https:// URL, not '" + raw + "'");
    };

    /** One of {@code allowed}, compared case-insensitively and answered as written in {@code allowed}. */
    static ValueParser<String> oneOf(List<String> allowed) {
        return raw -> {
            String s = STRING.parse(raw).trim();
            for (String a : allowed) {
                if (a.equalsIgnoreCase(s)) return a;
            }
            throw new IllegalArgumentException("must be one of " + String.join(", ", allowed) + ", not '" + raw + "'");
        };
    }

    /**
     * Text written as text: YAML 1.1 reads an unquoted {@code 0123} as the number 83, which would
     * silently change a password, so numbers and booleans are refused here.
     */
    ValueParser<String> TEXT = raw -> {
        if (!(raw instanceof String s)) throw new IllegalArgumentException("must be text; put it in quotes");
        if (s.isBlank()) throw new IllegalArgumentException("must not be empty");
        return s;
    };

    /** A string with something in it. */
    ValueParser<String> NON_BLANK = raw -> {
        String s = STRING.parse(raw);
        if (s.isBlank()) throw new IllegalArgumentException("must not be empty");
        return s;
    };
}
