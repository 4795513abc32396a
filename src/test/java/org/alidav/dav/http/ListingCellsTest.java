package org.alidav.dav.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Sizes and dates as the folder page shows them. */
class ListingCellsTest {
    @Test
    void sizesInBinaryUnitsWithThreeFiguresAtMost() {
        assertEquals("0 B", ListingCells.size(0));
        assertEquals("1023 B", ListingCells.size(1023));
        assertEquals("1.00 KiB", ListingCells.size(1024));
        assertEquals("1.50 KiB", ListingCells.size(1536));
        assertEquals("10.0 MiB", ListingCells.size(10L << 20));
        assertEquals("717 KiB", ListingCells.size(734_003));
        assertEquals("4.00 GiB", ListingCells.size(4L << 30));
        assertEquals("8.00 EiB", ListingCells.size(Long.MAX_VALUE));
    }

    @Test
    void datesInUtcToTheMinute() {
        Date d = Date.from(Instant.parse("2024-01-02T03:04:59.999Z"));
        assertEquals("2024-01-02 03:04", ListingCells.date(d));
        assertEquals("2024-01-02T03:04:59.999Z", ListingCells.isoDate(d));
    }
}
