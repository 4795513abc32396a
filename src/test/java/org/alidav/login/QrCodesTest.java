package org.alidav.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link QrCodes} draws scans back to the link ({@link QrCodesDecoder} reads the drawings as a
 * screen shows them).
 */
class QrCodesTest {
    static final String LINK = "https://www.alipan.com/o/oauth/authorize?sid=0123456789abcdef0123456789abcdef";

    @Test
    void theTerminalDrawingScansToTheLink() throws Exception {
        assertEquals(LINK, QrCodesDecoder.terminal(QrCodes.terminal(LINK)));
    }

    @Test
    void theTerminalDrawingHasAQuietZoneAndHalfBlocks() {
        List<String> lines = QrCodes.terminal(LINK).lines().map(QrCodesDecoder::withoutColours).toList();
        int width = lines.get(0).length();
        assertTrue(lines.stream().allMatch(l -> l.length() == width), "a rectangle");
        // the first line holds the top two rows of the quiet zone: light, so blank
        assertEquals(" ".repeat(width), lines.get(0));
        assertTrue(lines.stream().allMatch(l -> l.startsWith("  ") && l.endsWith("  ")), "2 light columns each side");
        assertTrue(lines.stream().anyMatch(l -> l.contains("▀")) && lines.stream().anyMatch(l -> l.contains("▄")));
        assertTrue(QrCodes.terminal(LINK).lines().allMatch(l -> l.startsWith("\u001b[30;107m") && l.endsWith("\u001b[0m")),
                "each line coloured black on white and reset");
    }

    @Test
    void theSvgScansToTheLink() throws Exception {
        assertEquals(LINK, QrCodesDecoder.svg(QrCodes.svg(LINK)));
    }
}
