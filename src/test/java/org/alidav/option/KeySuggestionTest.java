package org.alidav.option;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggestionTest {
    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertEquals(0, KeySuggestion.distance("port", "port"));
        assertEquals(1, KeySuggestion.distance("prot", "port"));
        assertEquals(1, KeySuggestion.distance("hst", "host"));
        assertEquals(1, KeySuggestion.distance("data-dir", "data_dir"));
        assertEquals(4, KeySuggestion.distance("", "port"));
    }

    @Test
    void suggestsOnlyCloseKeysIgnoringCase() {
        List<String> known = List.of("host", "port", "data_dir", "log_level");
        assertEquals(" (did you mean data_dir?)", KeySuggestion.hint("DataDir", known));
        assertEquals(" (did you mean host?)", KeySuggestion.hint("hots", known));
        assertEquals("", KeySuggestion.hint("tls_cert", known));
        assertEquals("", KeySuggestion.hint("pt", known));
    }
}
