package org.alidav.dav.http;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/** How a folder page shows sizes (binary units) and dates (UTC, to the minute). */
final class ListingCells {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ListingCells() {
    }

    /** {@code 512 B}, {@code 1.5 KiB}, {@code 42 MiB}: three significant figures at most. */
    static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        double v = bytes;
        int unit = -1;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        String number = v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
        return number + " " + UNITS[unit];
    }

    static String date(Date d) {
        return DATE.format(d.toInstant());
    }

    /** The machine-readable form for {@code <time datetime>}. */
    static String isoDate(Date d) {
        return DateTimeFormatter.ISO_INSTANT.format(d.toInstant());
    }
}
