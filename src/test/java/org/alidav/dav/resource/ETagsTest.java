package org.alidav.dav.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import org.alidav.drive.Entry;
import org.junit.jupiter.api.Test;

/** Tags remembered by id still follow the time and size of the entry asked about. */
class ETagsTest {
    private static final Instant T = Instant.parse("2026-01-02T03:04:05.678Z");

    private static Entry file(String id, Instant modified, long size) {
        return new Entry(id, "name", false, size, modified, modified, null, null, modified);
    }

    @Test
    void aTagIsTheSameForTheSameIdTimeAndSizeAndChangesWithEither() {
        String first = ETags.of(file("etags-test-a", T, 10));
        assertEquals(26, first.length()); // 12 bytes of the SHA-1 in hex, quoted
        assertEquals(first, ETags.of(file("etags-test-a", T, 10)));
        String later = ETags.of(file("etags-test-a", T.plusMillis(1), 10));
        String longer = ETags.of(file("etags-test-a", T, 11));
        assertNotEquals(first, later);
        assertNotEquals(first, longer);
        assertNotEquals(later, longer);
        assertEquals(first, ETags.of(file("etags-test-a", T, 10)));
        assertNotEquals(first, ETags.of(file("etags-test-b", T, 10)));
    }

    @Test
    void aTagIsTheSameAfterTheRememberedOnesWereDropped() {
        String first = ETags.of(file("etags-test-c", T, 1));
        for (int i = 0; i < 20_000; i++) ETags.of(file("etags-test-filler-" + i, T, i));
        assertEquals(first, ETags.of(file("etags-test-c", T, 1)));
    }

    @Test
    void aKnownSha1IsTheTag() {
        Entry e = new Entry("x", "name", false, 1, T, T, "0123456789abcdef0123456789abcdef01234567", null, T);
        assertEquals("\"0123456789abcdef0123456789abcdef01234567\"", ETags.of(e));
    }
}
