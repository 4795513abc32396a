package org.alidav.dav.upload;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.alidav.drive.Upload;

/**
 * What a PUT says about its body besides the bytes: the size (Content-Length, or Finder's
 * {@code X-Expected-Entity-Length} on chunked uploads), ownCloud's {@code X-OC-Mtime} (Unix
 * seconds) and {@code OC-Checksum} ({@code SHA1:<hex>}, as rclone sends it).
 */
record UploadHeaders(long size, Instant modified, String sha1) {

    static UploadHeaders of(HttpServletRequest request) {
        return new UploadHeaders(size(request), mtime(request.getHeader("X-OC-Mtime")), sha1(request.getHeader("OC-Checksum")));
    }

    private static long size(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length >= 0) return length;
        String expected = request.getHeader("X-Expected-Entity-Length");
        if (expected != null) {
            try {
                long n = Long.parseLong(expected.trim());
                if (n >= 0) return n;
            } catch (NumberFormatException ignored) {
                // a bad hint is no hint
            }
        }
        return Upload.UNKNOWN_SIZE;
    }

    static Instant mtime(String header) {
        if (header == null || header.isBlank()) return null;
        try {
            BigDecimal seconds = new BigDecimal(header.trim());
            if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(253402300799L)) > 0) return null;
            return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String sha1(String header) {
        if (header == null) return null;
        for (String token : header.trim().split("\\s+")) {
            int colon = token.indexOf(':');
            if (colon > 0 && token.substring(0, colon).equalsIgnoreCase("SHA1")) {
                String hex = token.substring(colon + 1).toLowerCase(Locale.ROOT);
                if (hex.matches("[0-9a-f]{40}")) return hex;
            }
        }
        return null;
    }
}
