package org.alidav.dav.lock;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Lock paths are decoded, normalised URL paths: {@code /a/b}, the root is {@code /}, no trailing slash,
 * no empty, {@code .} or {@code ..} segments. Locks, If-header tags and {@link LockTargets} all speak this form.
 */
public final class LockPaths {
    private LockPaths() {
    }

    /** Normalises an already decoded path. */
    public static String normalise(String decodedPath) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : decodedPath.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return segments.isEmpty() ? "/" : "/" + String.join("/", segments);
    }

    /**
     * The lock path of an absolute URL ({@code http://host/a%20b/}) or a percent-encoded path
     * ({@code /a%20b}); query and fragment are ignored.
     *
     * @throws IllegalArgumentException on a malformed percent escape or a relative reference
     */
    public static String fromUrl(String urlOrPath) {
        String s = urlOrPath;
        if (!s.startsWith("/")) {
            int scheme = s.indexOf("://");
            if (scheme < 0) {
                throw new IllegalArgumentException("neither an absolute URL nor a path: " + urlOrPath);
            }
            int pathStart = s.indexOf('/', scheme + 3);
            s = pathStart < 0 ? "/" : s.substring(pathStart);
        }
        int end = indexOfAny(s, '?', '#');
        if (end >= 0) {
            s = s.substring(0, end);
        }
        // URLDecoder is for forms: protect '+' so it stays a plus in a path.
        return normalise(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
    }

    /** The percent-encoded form of a lock path, usable as a path-absolute href. */
    public static String toHref(String path) {
        StringBuilder href = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c) || c == '/') {
                href.append((char) c);
            } else {
                href.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return href.toString();
    }

    /** True if {@code path} is {@code ancestor} itself or lies below it. */
    public static boolean isSelfOrBelow(String path, String ancestor) {
        return path.equals(ancestor) || isBelow(path, ancestor);
    }

    /** True if {@code path} lies strictly below {@code ancestor}. */
    public static boolean isBelow(String path, String ancestor) {
        String prefix = ancestor.equals("/") ? "/" : ancestor + "/";
        return path.length() > prefix.length() && path.startsWith(prefix);
    }

    /** The parent collection's path; empty for the root. */
    public static Optional<String> parent(String path) {
        if (path.equals("/")) {
            return Optional.empty();
        }
        int slash = path.lastIndexOf('/');
        return Optional.of(slash == 0 ? "/" : path.substring(0, slash));
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
    }
}
