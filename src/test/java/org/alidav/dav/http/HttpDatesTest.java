package org.alidav.dav.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HttpDatesTest {
    /** The pattern the field-by-field formatter replaced: IMF-fixdate. */
    private static final DateTimeFormatter PATTERN =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @Test
    void formatsImfFixdateWithTwoDigitDaysAndNoFraction() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(Instant.parse("1994-11-06T08:49:37.999Z")));
        assertEquals("Thu, 01 Jan 1970 00:00:00 GMT", HttpDates.format(Instant.EPOCH));
        assertEquals("Mon, 29 Feb 2016 23:59:59 GMT", HttpDates.format(Instant.parse("2016-02-29T23:59:59Z")));
    }

    @Test
    void agreesWithThePatternFormatterFrom1970To9999() {
        Random random = new Random(13);
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant t = Instant.ofEpochSecond((long) (random.nextDouble() * last), random.nextInt(1_000_000_000));
            assertEquals(PATTERN.format(t), HttpDates.format(t), t.toString());
        }
    }

    @Test
    void parsesWhatItFormats() {
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        assertEquals(t, HttpDates.parse(HttpDates.format(t)).orElseThrow());
    }
}
