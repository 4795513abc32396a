package org.alidav.aliyun;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alidav.aliyun.ApiModel.PartInfo;
import org.alidav.drive.DriveException;

/**
 * The part URLs of one upload. They live an hour, so they are renewed (getUploadUrl for the parts still
 * to send) when older than {@code maxAge} or when the object storage refused one.
 */
final class UploadSession {
    private final OpenApi api;
    private final Clock clock;
    private final Duration maxAge;
    private final UploadUrlRewriter rewriter;
    final String fileId;
    final String uploadId;
    private final int partCount;
    private final Map<Integer, String> urls = new HashMap<>();
    private Instant fetched;

    UploadSession(OpenApi api, Clock clock, Duration maxAge, UploadUrlRewriter rewriter, String fileId, String uploadId,
                  int partCount, List<PartInfo> parts) {
        this.api = api;
        this.clock = clock;
        this.maxAge = maxAge;
        this.rewriter = rewriter;
        this.fileId = fileId;
        this.uploadId = uploadId;
        this.partCount = partCount;
        store(parts);
    }

    /** The URL to PUT part {@code number} to, renewed first when stale or missing. */
    String url(int number) {
        if (!urls.containsKey(number) || clock.instant().isAfter(fetched.plus(maxAge))) renewFrom(number);
        String url = urls.get(number);
        if (url == null) throw DriveException.upstream("no upload URL for part " + number + " of " + fileId, null);
        return url;
    }

    /** Fetches fresh URLs for part {@code number} and all after it. */
    void renewFrom(int number) {
        store(api.uploadUrls(fileId, uploadId, number, Math.max(number, partCount)).partInfoList());
    }

    private void store(List<PartInfo> parts) {
        if (parts != null) {
            for (PartInfo p : parts) {
                if (p.uploadUrl() != null && !p.uploadUrl().isEmpty()) urls.put(p.partNumber(), rewriter.rewrite(p.uploadUrl()));
            }
        }
        fetched = clock.instant();
    }
}
