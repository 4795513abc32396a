package org.alidav.dav.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** HTTP-dates (RFC 9110 §5.6.7), compared at the one-second resolution they have. */
public final class HttpDates {
    private HttpDates() {
    }

    public static Optional<Instant> parse(String value) {
        if (value == null) return Optional.empty();
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** IMF-fixdate: always two-digit days, unlike {@link DateTimeFormatter#RFC_1123_DATE_TIME}. */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US).withZone(ZoneOffset.UTC);

    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    public static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
