package org.alidav.drive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.alidav.option.Option;
import org.alidav.option.OptionSet;
import org.alidav.option.ValueParser;
import org.junit.jupiter.api.Test;

class DriverOptionsTest {
    private static final Option<String> ROOT = Option.required("root", ValueParser.NON_BLANK, "the folder");
    private static final Option<Boolean> CREATE = Option.of("create_root", ValueParser.BOOLEAN, false, "create it");
    private static final OptionSet DECLARED = OptionSet.of("storages[] with driver: test", ROOT, CREATE);

    @Test
    void readsThroughTheDeclarationsAndNamesTheKeyOfABadValue() {
        DriverOptions options = new DriverOptions(DECLARED, Map.of("root", "/srv", "create_root", "maybe"));
        assertEquals("/srv", options.get(ROOT));
        DriverOptions.OptionException e = assertThrows(DriverOptions.OptionException.class, () -> options.get(CREATE));
        assertEquals("create_root", e.key());
        assertEquals("must be true or false, not 'maybe'", e.getMessage());
    }

    @Test
    void undeclaredKeysAreUnknownAndDeclaredOptionsNobodyReadAreUnread() {
        DriverOptions options = new DriverOptions(DECLARED, Map.of("root", "/srv", "rooot", "x"));
        assertEquals(Set.of("rooot"), options.unknownKeys());
        assertEquals(Set.of("root", "create_root"), options.unread());
        options.get(ROOT);
        assertEquals(Set.of("create_root"), options.unread(), "read whether written or not");
    }

    @Test
    void readingAnOptionTheDriverDidNotDeclareIsABug() {
        DriverOptions options = new DriverOptions(DECLARED, Map.of());
        assertThrows(IllegalArgumentException.class, () -> options.get(Option.of("other", ValueParser.STRING, "", "h")));
    }
}
