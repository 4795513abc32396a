package org.alidav.sandbox;

import java.util.Comparator;
import java.util.Locale;

/** The five {@code order_by} keys and both directions; ties are broken by file id so pages are stable. */
final class ListOrder {
    private ListOrder() {
    }

    static Comparator<FileNode> of(String orderBy, String direction) {
        String key = orderBy == null || orderBy.isEmpty() ? "name" : orderBy;
        Comparator<FileNode> c = switch (key) {
            case "name" -> Comparator.comparing(FileNode::name);
            case "name_enhanced" -> (a, b) -> natural(a.name(), b.name());
            case "size" -> Comparator.comparingLong(n -> n.size() == null ? -1 : n.size());
            case "updated_at" -> Comparator.comparingLong(FileNode::updatedAt);
            case "created_at" -> Comparator.comparingLong(FileNode::createdAt);
            default -> throw ApiException.badRequest("InvalidParameter.OrderBy",
                    "The input parameter order_by is not valid.");
        };
        String dir = direction == null || direction.isEmpty() ? "ASC" : direction.toUpperCase(Locale.ROOT);
        if (dir.equals("DESC")) {
            c = c.reversed();
        } else if (!dir.equals("ASC")) {
            throw ApiException.badRequest("InvalidParameter.OrderDirection",
                    "The input parameter order_direction is not valid.");
        }
        return c.thenComparing(FileNode::fileId);
    }

    /** Compares digit runs by value ("file2" before "file10"). */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int cmp = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (cmp != 0) {
                    return cmp;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
