package org.alidav.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What {@link QrCodes} draws scans back to the link: the drawings are turned into pixels as a screen
 * would show them and read with ZXing's decoder.
 */
class QrCodesTest {
    static final String LINK = "https://www.alipan.com/o/oauth/authorize?sid=0123456789abcdef0123456789abcdef";
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");
    private static final int PX = 4;

    @Test
    void theTerminalDrawingScansToTheLink() throws Exception {
        assertEquals(LINK, decodeTerminal(QrCodes.terminal(LINK)));
    }

    @Test
    void theTerminalDrawingHasAQuietZoneAndHalfBlocks() {
        List<String> lines = QrCodes.terminal(LINK).lines().map(l -> ANSI.matcher(l).replaceAll("")).toList();
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
        assertEquals(LINK, decodeSvg(QrCodes.svg(LINK)));
    }

    /** Each character cell is PX wide and 2·PX high; a dark half is PX×PX of black. */
    static String decodeTerminal(String drawing) throws Exception {
        List<String> lines = drawing.lines().map(l -> ANSI.matcher(l).replaceAll("")).toList();
        int cols = lines.get(0).length();
        boolean[][] dark = new boolean[lines.size() * 2][cols];
        for (int row = 0; row < lines.size(); row++) {
            String line = lines.get(row);
            for (int col = 0; col < cols; col++) {
                char c = line.charAt(col);
                dark[2 * row][col] = c == '█' || c == '▀';
                dark[2 * row + 1][col] = c == '█' || c == '▄';
            }
        }
        return decode(dark);
    }

    /** Reads the white background and the path's unit squares back into modules. */
    static String decodeSvg(String svg) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        String[] box = root.getAttribute("viewBox").split(" ");
        int side = Integer.parseInt(box[2]);
        Element rect = (Element) root.getElementsByTagName("rect").item(0);
        assertEquals("#fff", rect.getAttribute("fill"));
        Element path = (Element) root.getElementsByTagName("path").item(0);
        assertEquals("#000", path.getAttribute("fill"));
        boolean[][] dark = new boolean[side][side];
        Matcher m = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(path.getAttribute("d"));
        int squares = 0;
        while (m.find()) {
            dark[Integer.parseInt(m.group(2))][Integer.parseInt(m.group(1))] = true;
            squares++;
        }
        assertEquals("", m.replaceAll(""), "the path holds unit squares and nothing else");
        assertTrue(squares > 100);
        return decode(dark);
    }

    private static String decode(boolean[][] dark) throws Exception {
        int h = dark.length * PX;
        int w = dark[0].length * PX;
        int[] pixels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) pixels[y * w + x] = dark[y / PX][x / PX] ? 0xFF000000 : 0xFFFFFFFF;
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE)).getText();
    }
}
