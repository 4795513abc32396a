package org.alidav.aliyun;

import java.util.Map;
import okhttp3.HttpUrl;
import org.alidav.aliyun.ApiModel.FileItem;
import org.alidav.drive.Link;
import org.alidav.drive.remote.LinkCache;

/**
 * Keeps the download links a listing brings (docs/open-api.md, Download links: a file object carries a working
 * {@code url} for files under 5 MB), so that reading a file just listed costs no getDownloadUrl, in
 * proxy mode, 302 mode or HEAD alike. Only links that say when they die ({@code x-oss-expires}) are
 * taken, and only for files served as they are stored: an image's {@code url} may be its preview
 * (an {@code x-oss-process} transformation, not the file) and a live photo is served as one of its
 * streams. A link the object storage refuses is dropped by the read, which then asks getDownloadUrl.
 * Whether the service sends these links at all is not verified: without them, nothing changes.
 */
final class ListingLinks {
    private final LinkCache cache;

    ListingLinks(LinkCache cache) {
        this.cache = cache;
    }

    void take(FileItem item) {
        String url = item.url();
        if (url == null || url.isBlank() || !"file".equals(item.type()) || FileMapper.isLivp(item) || "image".equals(item.category())) return;
        if (item.size() == null || item.size() == 0) return; // an empty file is never read from the cloud
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null || parsed.queryParameter("x-oss-process") != null) return;
        LinkResolver.ossExpiry(url).ifPresent(expires -> cache.offer(item.fileId(), new Link(url, Map.of(), null, expires)));
    }
}
