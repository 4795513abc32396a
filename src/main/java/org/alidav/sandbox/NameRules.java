package org.alidav.sandbox;

import java.nio.charset.StandardCharsets;

/** Name validation and the auto_rename pattern ({@code name(1).ext}; the real pattern is undocumented). */
final class NameRules {
    private static final int MAX_NAME_BYTES = 1024;

    /** How a call treats a same-named visible item in the target folder. */
    enum Mode { IGNORE, REFUSE, AUTO_RENAME;

        static Mode parse(String v, Mode dflt) {
            if (v == null || v.isEmpty()) {
                return dflt;
            }
            return switch (v) {
                case "ignore" -> IGNORE;
                case "refuse" -> REFUSE;
                case "auto_rename" -> AUTO_RENAME;
                default -> throw ApiException.badRequest("InvalidParameter.CheckNameMode",
                        "The input parameter check_name_mode is not valid.");
            };
        }
    }

    private NameRules() {
    }

    static String validate(String name) {
        if (name == null || name.isEmpty()) {
            throw ApiException.missing("name");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw ApiException.badRequest("InvalidParameter.Name", "The name is longer than 1024 bytes");
        }
        if (name.endsWith("/")) {
            throw ApiException.badRequest("InvalidParameter.Name", "The name must not end with '/'");
        }
        return name;
    }

    /** The first free {@code base(k).ext} in the folder. */
    static String autoRename(FileTree tree, String driveId, String parentId, String name) {
        if (tree.visibleNamed(driveId, parentId, name).isEmpty()) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int k = 1; ; k++) {
            String candidate = base + "(" + k + ")" + ext;
            if (tree.visibleNamed(driveId, parentId, candidate).isEmpty()) {
                return candidate;
            }
        }
    }
}
