package org.alidav.dav.mount;

import org.alidav.drive.DriveException;

/**
 * The characters a name can hold in a drive but not in a WebDAV answer: C0 controls (U+0000–U+001F),
 * DEL, unpaired surrogates and the non-characters U+FFFE/U+FFFF. XML 1.0 cannot carry most of them
 * at all (a strict parser refuses the whole PROPFIND of the folder, and with it every other name in
 * it), and the rest are invisible or ambiguous in a file manager.
 *
 * <p>New names holding them are refused ({@link #requireCreatable}). Names put in the drive by
 * another client still list: hrefs are percent-encoded anyway, and text meant to be read
 * ({@code displayname}, the HTML folder page) shows them through {@link #visible}: each control
 * character as its Unicode Control Picture (U+0001 → ␁, DEL → ␡), anything else as U+FFFD. A
 * picture, not an escape such as {@code \u0001}: it is one visible character per hidden one, it
 * cannot be mistaken for a real backslash sequence, and a backslash is a path separator to Windows
 * clients.
 */
public final class NameCharacters {
    private static final char CONTROL_PICTURES = '\u2400';
    private static final char DELETE_PICTURE = '\u2421';
    private static final char REPLACEMENT = '\uFFFD';

    private NameCharacters() {
    }

    /** True when every character of {@code s} can be written in XML 1.0 and shown as it is. */
    public static boolean allShowable(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (unshowableAt(s, i)) return false;
        }
        return true;
    }

    /** {@code s} with each character that cannot be shown replaced by a visible stand-in. */
    public static String visible(String s) {
        if (allShowable(s)) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unshowableAt(s, i)) {
                sb.append(c);
            } else if (c < 0x20) {
                sb.append((char) (CONTROL_PICTURES + c));
            } else if (c == 0x7f) {
                sb.append(DELETE_PICTURE);
            } else {
                sb.append(REPLACEMENT);
            }
        }
        return sb.toString();
    }

    /** Refuses (400) a name that a create or rename would bring into the drive. */
    public static void requireCreatable(String name) {
        if (!allShowable(name)) throw new DriveException(DriveException.Kind.INVALID_NAME, refusal(name));
    }

    /** Why such a name is refused, with the name shown safely. */
    public static String refusal(String name) {
        return "names with control characters are not allowed (shown here as pictures): " + visible(name);
    }

    private static boolean unshowableAt(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20 || c == 0x7f || c == '\uFFFE' || c == '\uFFFF') return true;
        if (Character.isHighSurrogate(c)) return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        return false;
    }
}
