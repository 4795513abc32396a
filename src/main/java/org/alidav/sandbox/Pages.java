package org.alidav.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Opaque paging markers (an offset in disguise) and page slicing. */
final class Pages {
    /** One page and the marker of the next ("" on the last page). */
    record Page<T>(List<T> items, String nextMarker) {
    }

    private Pages() {
    }

    static <T> Page<T> slice(List<T> sorted, String marker, int limit) {
        int offset = decode(marker);
        int from = Math.min(offset, sorted.size());
        int to = Math.min(from + limit, sorted.size());
        return new Page<>(sorted.subList(from, to), to < sorted.size() ? encode(to) : "");
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("sbx1:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String marker) {
        if (marker == null || marker.isEmpty()) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (s.startsWith("sbx1:")) {
                int v = Integer.parseInt(s.substring(5));
                if (v >= 0) {
                    return v;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ApiException.badRequest("InvalidParameter.Marker", "The input parameter marker is not valid.");
    }
}
