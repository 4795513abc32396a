package org.alidav.sandbox;

import java.util.Locale;
import java.util.Map;

/** Category and MIME type by extension, as the service derives them. */
final class FileTypes {
    private record Kind(String category, String mime) {
    }

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("mp4", new Kind("video", "video/mp4")),
            Map.entry("mkv", new Kind("video", "video/x-matroska")),
            Map.entry("mov", new Kind("video", "video/quicktime")),
            Map.entry("avi", new Kind("video", "video/x-msvideo")),
            Map.entry("ts", new Kind("video", "video/mp2t")),
            Map.entry("mp3", new Kind("audio", "audio/mpeg")),
            Map.entry("flac", new Kind("audio", "audio/flac")),
            Map.entry("wav", new Kind("audio", "audio/wav")),
            Map.entry("jpg", new Kind("image", "image/jpeg")),
            Map.entry("jpeg", new Kind("image", "image/jpeg")),
            Map.entry("png", new Kind("image", "image/png")),
            Map.entry("gif", new Kind("image", "image/gif")),
            Map.entry("heic", new Kind("image", "image/heic")),
            Map.entry("livp", new Kind("image", "application/zip")),
            Map.entry("pdf", new Kind("doc", "application/pdf")),
            Map.entry("txt", new Kind("doc", "text/plain")),
            Map.entry("md", new Kind("doc", "text/markdown")),
            Map.entry("doc", new Kind("doc", "application/msword")),
            Map.entry("docx", new Kind("doc",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
            Map.entry("zip", new Kind("zip", "application/zip")),
            Map.entry("rar", new Kind("zip", "application/x-rar-compressed")),
            Map.entry("7z", new Kind("zip", "application/x-7z-compressed")),
            Map.entry("gz", new Kind("zip", "application/gzip")),
            Map.entry("apk", new Kind("app", "application/vnd.android.package-archive")));

    private FileTypes() {
    }

    /** Lowercase extension without the dot, "" if none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String category(String name) {
        Kind k = KINDS.get(extension(name));
        return k == null ? "others" : k.category();
    }

    static String mime(String name) {
        Kind k = KINDS.get(extension(name));
        return k == null ? "application/octet-stream" : k.mime();
    }
}
