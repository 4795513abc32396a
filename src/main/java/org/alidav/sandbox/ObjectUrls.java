package org.alidav.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** Builds the pre-signed URLs of the emulated object store. */
final class ObjectUrls {
    static final String DOWNLOAD_PREFIX = "/oss/download/";
    static final String UPLOAD_PREFIX = "/oss/upload/";
    static final String HLS_PREFIX = "/oss/hls/";

    /** A URL and its expiry (unix seconds). */
    record Signed(String url, long expiresEpochSec) {
    }

    private final String base;
    private final UrlSigner signer;
    private final Clock clock;

    ObjectUrls(String base, UrlSigner signer, Clock clock) {
        this.base = base;
        this.signer = signer;
        this.clock = clock;
    }

    /**
     * {@code stream} is null for ordinary files, "jpeg"/"mov" for a livp part. A file's URL names the
     * file, as the real service's do ({@code response-content-disposition=attachment;
     * filename*=UTF-8''<name>} inside the signature), so a browser sent there saves it under its name;
     * a livp part's URL names nothing.
     */
    Signed download(String userId, String sha1, String stream, String fileName, Duration lifetime) {
        String path = DOWNLOAD_PREFIX + userId + "/" + sha1 + (stream == null ? "" : "/" + stream);
        String disposition = stream == null && fileName != null
                ? "attachment; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                : null;
        return sign(path, disposition, lifetime);
    }

    Signed upload(String uploadId, int partNumber, Duration lifetime) {
        return sign(UPLOAD_PREFIX + uploadId + "/" + partNumber, null, lifetime);
    }

    Signed playlist(String userId, String sha1, String templateId, Duration lifetime) {
        return sign(HLS_PREFIX + userId + "/" + sha1 + "/" + templateId + ".m3u8", null, lifetime);
    }

    private Signed sign(String path, String disposition, Duration lifetime) {
        long expires = clock.millis() / 1000 + Math.max(1, lifetime.toSeconds());
        return new Signed(base + path + "?" + signer.sign(path, disposition, expires), expires);
    }
}
