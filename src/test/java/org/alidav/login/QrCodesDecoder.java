package org.alidav.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads QR drawings back as a screen shows them: the drawing becomes pixels (4 per module, dark
 * black, light white) and ZXing's decoder reads the text.
 */
public final class QrCodesDecoder {
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");
    private static final int PX = 4;

    private QrCodesDecoder() {
    }

    /** A line of terminal output without its colour codes. */
    public static String withoutColours(String line) {
        return ANSI.matcher(line).replaceAll("");
    }

    /** Each character cell is PX wide and 2·PX high; a dark half is PX×PX of black. */
    public static String terminal(String drawing) throws Exception {
        List<String> lines = drawing.lines().map(QrCodesDecoder::withoutColours).toList();
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
    public static String svg(String svg) throws Exception {
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
        return new QRCodeReader().decode(bitmap).getText();
    }
}
