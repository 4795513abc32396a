package org.alidav.dav.mount;

import java.util.Locale;
import org.alidav.drive.DrivePath;

/**
 * Names that desktop clients write next to every file they touch: macOS AppleDouble files ({@code ._*})
 * and {@code .DS_Store}, Windows {@code Thumbs.db} and {@code desktop.ini}. Finder alone probes for
 * several of them per file it shows; sending those lookups to a cloud costs API calls and trips rate
 * limits, so by default they live in a local shadow store instead.
 */
public final class SystemFiles {
    private SystemFiles() {
    }

    public static boolean isSystemName(String name) {
        if (name.startsWith("._")) return true;
        // only names as long as those three can be one of them (asked for every entry of every listing)
        if (name.length() < 9 || name.length() > 11) return false;
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals(".ds_store") || lower.equals("thumbs.db") || lower.equals("desktop.ini");
    }

    /** True when any name on the path is a system name (children of {@code ._x/} belong to the shadow too). */
    public static boolean isSystemPath(DrivePath path) {
        return path.names().stream().anyMatch(SystemFiles::isSystemName);
    }
}
