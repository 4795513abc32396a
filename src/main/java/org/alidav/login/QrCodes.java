package org.alidav.login;

import io.nayuki.qrcodegen.QrCode;

/**
 * Draws the QR code of a link, for a terminal and for a web page. The encoder is qrcodegen's; the
 * drawing is ours, since the library only gives the modules. Error correction is the lowest level
 * that fits the smallest symbol (the library raises it when that costs nothing): a smaller code
 * scans more easily from a screen than a more redundant one.
 */
public final class QrCodes {
    /** Light modules around the symbol in the terminal: 2 fit a small window and scan fine. */
    static final int TERMINAL_QUIET_ZONE = 2;
    /** The standard's 4 light modules around the symbol on a page. */
    static final int SVG_QUIET_ZONE = 4;
    /** Black on bright white, whatever the terminal's colours; reset at the end of each line. */
    private static final String DARK_ON_LIGHT = "\u001b[30;107m";
    private static final String RESET = "\u001b[0m";

    private QrCodes() {
    }

    /**
     * Text lines, two module rows per line: a dark upper half is {@code ▀}, a dark lower half
     * {@code ▄}, both {@code █}, neither a space. Each line is coloured black on white with ANSI
     * codes so a dark terminal shows it the right way round; without colours the glyphs alone are
     * still right on a light terminal.
     */
    public static String terminal(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.LOW);
        int from = -TERMINAL_QUIET_ZONE;
        int to = qr.size + TERMINAL_QUIET_ZONE;
        StringBuilder out = new StringBuilder();
        for (int y = from; y < to; y += 2) {
            out.append(DARK_ON_LIGHT);
            for (int x = from; x < to; x++) {
                // getModule answers light outside the symbol, which draws the quiet zone
                boolean top = qr.getModule(x, y);
                boolean bottom = y + 1 < to && qr.getModule(x, y + 1);
                out.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
            }
            out.append(RESET).append('\n');
        }
        return out.toString();
    }

    /** An inline SVG: one path of unit squares on a white square, crisp at any size. */
    public static String svg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.LOW);
        int side = qr.size + 2 * SVG_QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + SVG_QUIET_ZONE).append(',').append(y + SVG_QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side + "\" width=\"" + side * 6
                + "\" height=\"" + side * 6 + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\">"
                + "<rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }
}
