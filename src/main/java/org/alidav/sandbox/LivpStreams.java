package org.alidav.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A {@code .livp} live photo is stored as what it is on the wire: a ZIP holding an image
 * ({@code .heic}/{@code .jpeg}/{@code .jpg}, stream "jpeg") and a clip ({@code .mov}, stream "mov").
 */
final class LivpStreams {
    private LivpStreams() {
    }

    static boolean isLivp(String name) {
        return FileTypes.extension(name).equals("livp");
    }

    /** Stream type → ZIP entry name; empty when the content is not a readable ZIP. */
    static Map<String, String> streams(Path content) {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(content.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String type = streamType(e.getName());
                if (!e.isDirectory() && type != null) {
                    out.putIfAbsent(type, e.getName());
                }
            }
        } catch (IOException e) {
            out.clear();
        }
        return out;
    }

    static String streamType(String entryName) {
        String ext = FileTypes.extension(entryName).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "heic", "jpeg", "jpg" -> "jpeg";
            case "mov" -> "mov";
            default -> null;
        };
    }
}
