package org.alidav.drive;

import java.util.ArrayList;
import java.util.List;

/**
 * A normalised path inside one storage: a list of validated names, the root being empty. Parsing
 * refuses what must never reach a driver ({@code .}, {@code ..}, separators, NUL), so that no
 * request can climb out of a storage whatever its encoding.
 */
public record DrivePath(List<String> names) {
    public static final DrivePath ROOT = new DrivePath(List.of());

    public DrivePath {
        names = List.copyOf(names);
        names.forEach(DrivePath::checkName);
    }

    /** Parses a decoded path such as {@code /a/b/}; empty segments are dropped. */
    public static DrivePath parse(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            if (!s.isEmpty()) out.add(s);
        }
        return new DrivePath(out);
    }

    /**
     * What {@link #isValidName} asks of a name, for answers that refuse one. A backslash is refused
     * although a Linux file system or the cloud can hold it: Windows and its WebDAV clients take it
     * for a path separator, and a folder storage on a Windows host would resolve it to a subfolder.
     */
    public static final String NAME_RULE = "a name must not be empty, \".\" or \"..\", nor hold \"/\", \"\\\" "
            + "(a path separator on Windows) or NUL, nor be longer than 1024 bytes";

    /** True when a single file or folder name is acceptable on every driver. */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) return false;
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 1024) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c == 0) return false;
        }
        return true;
    }

    public static String checkName(String name) {
        if (!isValidName(name)) throw DriveException.invalidName(name);
        return name;
    }

    public boolean isRoot() {
        return names.isEmpty();
    }

    public String name() {
        return isRoot() ? "" : names.get(names.size() - 1);
    }

    public DrivePath parent() {
        if (isRoot()) throw new IllegalStateException("root has no parent");
        return new DrivePath(names.subList(0, names.size() - 1));
    }

    public DrivePath child(String name) {
        List<String> out = new ArrayList<>(names);
        out.add(name);
        return new DrivePath(out);
    }

    /** True when this path is {@code other} or lies below it. */
    public boolean startsWith(DrivePath other) {
        return names.size() >= other.names.size() && names.subList(0, other.names.size()).equals(other.names);
    }

    @Override
    public String toString() {
        return "/" + String.join("/", names);
    }
}
