package org.alidav.dav.http;

import io.milton.http.HttpManager;
import io.milton.http.Request;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of path segments, and the decoded path of a Milton request. */
public final class PathEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathEncoding() {
    }

    /** Encodes everything but RFC 3986 unreserved characters, so any name is a safe segment. */
    public static String encodeSegment(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 16);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    /** The request's path, percent-decoded the way Milton decodes it for its own handlers. */
    public static String decodedPath(Request request) {
        return HttpManager.decodeUrl(request.getAbsolutePath());
    }
}
