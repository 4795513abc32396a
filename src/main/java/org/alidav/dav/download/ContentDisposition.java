package org.alidav.dav.download;

import org.alidav.dav.http.PathEncoding;

/**
 * The {@code Content-Disposition} of a file this server streams (RFC 6266): {@code inline}, so a
 * browser still shows what it can show, with the file's name for saving. The name travels as
 * {@code filename*} in UTF-8 (RFC 8187; every name, any character), after an ASCII {@code filename}
 * for clients that know only that one, in which anything outside printable ASCII, and the quote and
 * backslash, become {@code _}. Neither form can carry a line break into the header.
 */
final class ContentDisposition {
    private ContentDisposition() {
    }

    static String inline(String name) {
        return "inline; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + PathEncoding.encodeSegment(name);
    }

    private static String asciiFallback(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(c -> sb.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return sb.toString();
    }
}
