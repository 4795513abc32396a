package org.alidav.aliyun;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.alidav.aliyun.ApiModel.DownloadUrl;
import org.alidav.drive.DriveException;
import org.alidav.drive.Link;

/**
 * Asks getDownloadUrl for a file's link and reads how long it really lives: the {@code x-oss-expires}
 * of the URL (the service shortens the requested lifetime at will, docs/open-api.md, "Download links"), else the answer's
 * {@code expiration}, else the shortest lifetime ever observed.
 */
final class LinkResolver {
    private static final Duration SHORTEST_OBSERVED = Duration.ofSeconds(900);
    private final OpenApi api;
    private final Clock clock;
    private final long expireSec;
    private final String livpFormat;

    LinkResolver(OpenApi api, Clock clock, long expireSec, String livpFormat) {
        this.api = api;
        this.clock = clock;
        this.expireSec = expireSec;
        this.livpFormat = livpFormat;
    }

    Link resolve(String fileId, boolean livp) {
        Instant asked = clock.instant();
        DownloadUrl answer = api.downloadUrl(fileId, expireSec);
        String url = answer.url();
        if ((url == null || url.isEmpty()) && livp && answer.streamsUrl() != null) url = answer.streamsUrl().get(livpFormat);
        if (url == null || url.isEmpty()) {
            throw DriveException.upstream("getDownloadUrl gave no URL for " + fileId + (livp ? " (livp stream " + livpFormat + ")" : ""), null);
        }
        return new Link(url, Map.of(), asked, expiry(url, answer.expiration()));
    }

    private Instant expiry(String url, String expiration) {
        return ossExpiry(url).orElseGet(() -> FileMapper.time(expiration, clock.instant().plus(SHORTEST_OBSERVED)));
    }

    /** The {@code x-oss-expires} of a signed object URL, when it has a readable one. */
    static Optional<Instant> ossExpiry(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        String oss = parsed == null ? null : parsed.queryParameter("x-oss-expires");
        if (oss == null) return Optional.empty();
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(oss.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
