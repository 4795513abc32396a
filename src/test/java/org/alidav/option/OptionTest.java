package org.alidav.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionTest {
    private static final Option<Long> PARTS = Option.of("part_size", ValueParser.wholeNumber(1, Long.MAX_VALUE), 20L, "bytes per part")
            .check(n -> n >= 10, "must be at least 10")
            .check(n -> n <= 100, "must be at most 100");

    private static String problem(Option<?> option, Object raw) {
        return assertThrows(IllegalArgumentException.class, () -> option.read(raw)).getMessage();
    }

    @Test
    void absentReadsAsTheDefaultAndChecksApplyToWrittenValuesInOrder() {
        assertEquals(20L, PARTS.read(null));
        assertEquals(50L, PARTS.read("50"));
        assertEquals("must be a whole number of at least 1, not 'x'", problem(PARTS, "x"));
        assertEquals("must be at least 10", problem(PARTS, 5));
        assertEquals("must be at most 100", problem(PARTS, 101));
        assertEquals("number >= 1", PARTS.type().describe(), "a check keeps the type's description");
    }

    @Test
    void requiredAndOptionalKeys() {
        Option<String> root = Option.required("root", ValueParser.NON_BLANK, "the folder");
        assertEquals("is required", problem(root, null));
        assertNull(Option.optional("spool_dir", ValueParser.NON_BLANK, "where").read(null));
    }

    @Test
    void defaultsAreShownAsTheConfigFileWritesThem() {
        assertEquals("90s", Option.of("a", ValueParser.DURATION, Duration.ofSeconds(90), "h").defaultText());
        assertEquals("5m", Option.of("a", ValueParser.DURATION, Duration.ofMinutes(5), "h").defaultText());
        assertEquals("500ms", Option.of("a", ValueParser.DURATION, Duration.ofMillis(500), "h").defaultText());
        assertEquals("0s", Option.of("a", ValueParser.DURATION, Duration.ZERO, "h").defaultText());
        assertEquals("\"\"", Option.of("a", ValueParser.STRING, "", "h").defaultText());
        assertEquals("", Option.optional("a", ValueParser.STRING, "h").defaultText());
    }

    @Test
    void aSetNamesWhatItDoesNotDeclareAndSuggestsTheClosest() {
        OptionSet set = OptionSet.of("server", Option.of("port", ValueParser.PORT, 8080, "p"), Option.of("host", ValueParser.STRING, "h", "h"));
        assertEquals(Set.of("prot", "colour"), set.unknown(List.of("port", "prot", "colour")));
        assertEquals(" (did you mean port?)", set.hint("prot"));
        assertEquals("", set.hint("colour"));
        assertThrows(IllegalArgumentException.class, () -> OptionSet.of("twice", PARTS, PARTS));
    }

    @Test
    void choicesMayBeLeftEmptyWhereOpenListWritesThemSo() {
        ValueParser<String> order = ValueParser.oneOfOrEmpty("", List.of("ASC", "DESC"));
        assertEquals("", order.parse(""));
        assertEquals("DESC", order.parse("desc"));
        assertEquals("must be one of ASC, DESC, not 'up'", assertThrows(IllegalArgumentException.class, () -> order.parse("up")).getMessage());
    }
}
