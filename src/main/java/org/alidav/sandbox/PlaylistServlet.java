package org.alidav.sandbox;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HLS playlists behind getVideoPreviewPlayInfo: one segment that is the original content
 * (the sandbox does not transcode), reachable through a signed download URL.
 */
final class PlaylistServlet extends HttpServlet {
    static final double SEGMENT_SECONDS = 10.0;

    private final UrlSigner signer;
    private final ObjectUrls urls;
    private final CallStats stats;
    private final SandboxOptions options;

    PlaylistServlet(UrlSigner signer, ObjectUrls urls, CallStats stats, SandboxOptions options) {
        this.signer = signer;
        this.urls = urls;
        this.stats = stats;
        this.options = options;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            SignedRequests.checkReferer(req);
            SignedRequests.verify(req, signer, options.clock());
            String[] seg = req.getRequestURI().substring(ObjectUrls.HLS_PREFIX.length()).split("/");
            if (seg.length != 3) {
                throw new OssException(404, "NoSuchKey", "The specified key does not exist.");
            }
            long remaining = Long.parseLong(req.getParameter("x-oss-expires")) - options.clock().millis() / 1000;
            String segment = urls.download(seg[0], seg[1], null, null, Duration.ofSeconds(remaining)).url();
            String body = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:" + (int) SEGMENT_SECONDS + "\n"
                    + "#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:" + SEGMENT_SECONDS + ",\n" + segment + "\n#EXT-X-ENDLIST\n";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            resp.setStatus(200);
            resp.setContentType("application/vnd.apple.mpegurl");
            resp.setContentLength(bytes.length);
            resp.getOutputStream().write(bytes);
        } catch (OssException e) {
            e.write(resp);
        } finally {
            stats.record(CallStats.OBJECT_PLAYLIST, resp.getStatus());
        }
    }
}
