package org.alidav.dav.resource;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** MIME types by file extension: media formats the JDK's table lacks first, then the JDK's table. */
public final class ContentTypes {
    public static final String DEFAULT = "application/octet-stream";

    private static final Map<String, String> EXTRA = Map.ofEntries(
            Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/x-m4v"), Map.entry("mkv", "video/x-matroska"),
            Map.entry("webm", "video/webm"), Map.entry("mov", "video/quicktime"), Map.entry("avi", "video/x-msvideo"),
            Map.entry("ts", "video/mp2t"), Map.entry("flv", "video/x-flv"), Map.entry("wmv", "video/x-ms-wmv"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"), Map.entry("flac", "audio/flac"),
            Map.entry("ogg", "audio/ogg"), Map.entry("opus", "audio/opus"), Map.entry("wav", "audio/wav"),
            Map.entry("aac", "audio/aac"), Map.entry("srt", "application/x-subrip"), Map.entry("ass", "text/x-ssa"),
            Map.entry("vtt", "text/vtt"), Map.entry("heic", "image/heic"), Map.entry("webp", "image/webp"),
            Map.entry("svg", "image/svg+xml"), Map.entry("json", "application/json"), Map.entry("md", "text/markdown"),
            Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"), Map.entry("7z", "application/x-7z-compressed"),
            Map.entry("epub", "application/epub+zip"), Map.entry("css", "text/css"), Map.entry("js", "text/javascript"),
            Map.entry("txt", "text/plain"), Map.entry("html", "text/html"), Map.entry("xml", "application/xml"));

    /**
     * The JDK's answers by extension, remembered: its table is looked up under a lock, with the name
     * lower-cased again, at every GET. Bounded, as names (and so extensions) come from clients.
     */
    private static final int MAX_REMEMBERED = 1024;
    private static final Map<String, String> GUESSED = new ConcurrentHashMap<>();

    private ContentTypes() {
    }

    public static String of(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) return guess(name);
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String known = EXTRA.get(ext);
        if (known != null) return known;
        // the JDK's table cuts a name at its last '#' first: such a name's answer is not its extension's
        if (name.indexOf('#') >= 0) return guess(name);
        String remembered = GUESSED.get(ext);
        if (remembered != null) return remembered;
        String guessed = guess(name);
        if (GUESSED.size() < MAX_REMEMBERED) GUESSED.put(ext, guessed);
        return guessed;
    }

    private static String guess(String name) {
        String guessed = URLConnection.getFileNameMap().getContentTypeFor(name);
        return guessed != null ? guessed : DEFAULT;
    }
}
