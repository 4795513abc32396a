package org.alidav.drive.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.alidav.drive.Entry;
import org.junit.jupiter.api.Test;

class ListingTest {
    private static Entry file(String id, Instant clientMtime, Instant stored) {
        return new Entry(id, "p.bin", false, 1, clientMtime, clientMtime, null, null, stored);
    }

    @Test
    void theItemTheBackendStoredLastServesTheNameWhateverMtimeAClientSet() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Entry older = file("old", t, t.plusSeconds(1));
        Entry newer = file("new", t.minusSeconds(86400 * 365), t.plusSeconds(2));
        Entry oldest = file("oldest", t, t);

        for (List<Entry> order : List.of(List.of(older, newer, oldest), List.of(newer, oldest, older))) {
            Listing l = Listing.of(order, t);
            assertEquals("new", l.get("p.bin").orElseThrow().id());
            assertEquals(List.of(oldest, older), l.olderCopies("p.bin"));
            assertEquals(Map.of("p.bin", List.of(oldest, older)), l.duplicates());
            assertEquals(1, l.size());
        }
    }

    @Test
    void equalStoredTimesAreOrderedByIdSoEveryFetchAgrees() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Listing l = Listing.of(List.of(file("b", t, t), file("a", t, t)), t);
        assertEquals("b", l.get("p.bin").orElseThrow().id());
    }

    @Test
    void ourOwnWriteOfANameDropsItsKnownOlderCopies() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Listing l = Listing.of(List.of(file("a", t, t), file("b", t, t.plusSeconds(1))), t);
        assertEquals(Map.of(), l.with(file("c", t, t.plusSeconds(2))).duplicates());
        assertEquals(Map.of(), l.without("p.bin").duplicates());
    }
}
