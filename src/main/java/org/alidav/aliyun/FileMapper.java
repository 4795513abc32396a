package org.alidav.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.OptionalLong;
import org.alidav.aliyun.ApiModel.FileItem;
import org.alidav.drive.Entry;

/**
 * Turns API file objects into entries. The modification time is the uploader's
 * {@code local_modified_at} where present (what sync clients set), else {@code updated_at}; the
 * stored time, which orders two items of one name, is always the service's own {@code updated_at}. A
 * {@code .livp} is listed with the size and type of the stream it is served as.
 */
final class FileMapper {
    private final String livpFormat;

    FileMapper(String livpFormat) {
        this.livpFormat = livpFormat;
    }

    /** False for items still being uploaded (a {@code status} other than available). */
    static boolean visible(FileItem item) {
        return item.status() == null || item.status().isEmpty() || item.status().equals("available");
    }

    Entry toEntry(FileItem item) {
        boolean folder = "folder".equals(item.type());
        Instant updated = time(item.updatedAt(), time(item.createdAt(), Instant.EPOCH));
        Instant modified = time(item.localModifiedAt(), updated);
        Instant created = time(item.localCreatedAt(), time(item.createdAt(), modified));
        long size = folder ? 0 : livpStreamSize(item).orElse(item.size() == null ? 0 : item.size());
        String type = folder ? null : isLivp(item) ? livpContentType() : blankToNull(item.mimeType());
        // a livp is served as one of its streams, whose hash is not the package's
        String sha1 = isLivp(item) ? null : blankToNull(item.contentHash());
        return new Entry(item.fileId(), item.displayName(), folder, size, modified, created, sha1, type, updated);
    }

    static boolean isLivp(FileItem item) {
        String ext = item.fileExtension();
        if (ext == null || ext.isEmpty()) {
            String name = item.displayName();
            ext = name == null ? "" : name.substring(name.lastIndexOf('.') + 1);
        }
        return "file".equals(item.type()) && ext.toLowerCase(Locale.ROOT).equals("livp");
    }

    static boolean isLivp(Entry entry) {
        return !entry.folder() && entry.name().toLowerCase(Locale.ROOT).endsWith(".livp");
    }

    /** The served stream's size when {@code streams_info} names it. */
    OptionalLong livpStreamSize(FileItem item) {
        if (!isLivp(item) || item.streamsInfo() == null) return OptionalLong.empty();
        JsonNode s = item.streamsInfo().get(livpFormat);
        if (s != null && s.hasNonNull("size") && s.get("size").canConvertToLong()) return OptionalLong.of(s.get("size").asLong());
        return OptionalLong.empty();
    }

    private String livpContentType() {
        return livpFormat.equals("mov") ? "video/quicktime" : "image/jpeg";
    }

    static Instant time(String text, Instant fallback) {
        if (text == null || text.isBlank()) return fallback;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                return fallback;
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
