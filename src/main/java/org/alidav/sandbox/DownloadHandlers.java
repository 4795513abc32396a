package org.alidav.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;

/** {@code getDownloadUrl} (with livp streams) and {@code getVideoPreviewPlayInfo}. */
final class DownloadHandlers {
    private static final long DEFAULT_EXPIRE_SEC = 900;
    private static final long MAX_PREVIEW_EXPIRE_SEC = 14_400;

    /** Transcoding templates: id, name, width, height. */
    private record Template(String id, String name, int width, int height) {
    }

    private static final Template[] TEMPLATES = {
        new Template("LD", "流畅", 640, 360),
        new Template("SD", "标清", 854, 480),
        new Template("HD", "高清", 1280, 720),
        new Template("FHD", "超清", 1920, 1080),
    };

    private final DriveAccess access;
    private final BlobStore blobs;
    private final ObjectUrls urls;
    private final FaultPlan faults;
    private final SandboxOptions options;

    DownloadHandlers(DriveAccess access, BlobStore blobs, ObjectUrls urls, FaultPlan faults, SandboxOptions options) {
        this.access = access;
        this.blobs = blobs;
        this.urls = urls;
        this.faults = faults;
        this.options = options;
    }

    void register(ApiRoutes routes) {
        routes.post("openFile/getDownloadUrl", RateLimiter.RateClass.LINK, this::downloadUrl);
        routes.post("openFile/getVideoPreviewPlayInfo", RateLimiter.RateClass.OTHER, this::videoPreview);
    }

    private Object downloadUrl(ApiCall call) {
        RequestBody b = call.body();
        String drive = access.drive(call);
        FileNode n = file(drive, b.requireText("file_id"));
        long requested = b.longValue("expire_sec", DEFAULT_EXPIRE_SEC);
        if (requested <= 0) {
            requested = DEFAULT_EXPIRE_SEC;
        }
        Duration lifetime = Duration.ofSeconds(Math.min(requested, options.linkLifetimeCap().toSeconds()));
        String userId = call.user().userId();
        ObjectNode o = Json.object();
        o.put("drive_id", drive);
        o.put("file_id", n.fileId());
        o.put("method", "GET");
        o.put("size", n.size());
        o.put("content_hash", n.contentHash());
        o.put("content_hash_name", "sha1");
        o.put("description", "");
        Map<String, String> streams = LivpStreams.isLivp(n.name())
                ? LivpStreams.streams(blobs.path(n.contentHash())) : Map.of();
        long expires;
        if (streams.isEmpty()) {
            ObjectUrls.Signed url = urls.download(userId, n.contentHash(), null, n.name(), lifetime);
            o.put("url", url.url());
            expires = url.expiresEpochSec();
        } else {
            ObjectNode s = Json.object();
            expires = 0;
            for (String type : streams.keySet()) {
                ObjectUrls.Signed url = urls.download(userId, n.contentHash(), type, null, lifetime);
                s.put(type, url.url());
                expires = url.expiresEpochSec();
            }
            // clients disagree on the key spelling (docs/open-api.md, "Live photos"): send both
            o.set("streamsUrl", s);
            o.set("streams_url", s.deepCopy());
        }
        o.put("expiration", Json.time(expires * 1000));
        return o;
    }

    private Object videoPreview(ApiCall call) {
        RequestBody b = call.body();
        String drive = access.drive(call);
        FileNode n = file(drive, b.requireText("file_id"));
        if (!FileTypes.category(n.name()).equals("video")) {
            throw ApiException.badRequest("InvalidParameter.FileId", "The file is not a video");
        }
        if (faults.videoPreviewOverCapacity()) {
            throw new ApiException(403, "ExceedCapacityForbidden", "exceed capacity, video preview is forbidden");
        }
        long expireSec = b.longValue("url_expire_sec", DEFAULT_EXPIRE_SEC);
        Duration lifetime = Duration.ofSeconds(Math.min(expireSec <= 0 ? DEFAULT_EXPIRE_SEC : expireSec,
                MAX_PREVIEW_EXPIRE_SEC));
        String only = b.text("template_id", "");
        ArrayNode tasks = Json.MAPPER.createArrayNode();
        for (Template t : TEMPLATES) {
            if (!only.isEmpty() && !only.equals(t.id())) {
                continue;
            }
            ObjectNode task = tasks.addObject();
            task.put("template_id", t.id());
            task.put("template_name", t.name());
            task.put("template_width", t.width());
            task.put("template_height", t.height());
            task.put("keep_original_resolution", false);
            task.put("stage", "finished");
            task.put("status", "finished");
            task.put("url", urls.playlist(call.user().userId(), n.contentHash(), t.id(), lifetime).url());
        }
        ObjectNode meta = Json.object();
        meta.put("duration", PlaylistServlet.SEGMENT_SECONDS);
        meta.put("width", 1920);
        meta.put("height", 1080);
        ObjectNode info = Json.object();
        info.put("category", b.text("category", "live_transcoding"));
        info.set("meta", meta);
        info.set("live_transcoding_task_list", tasks);
        info.set("live_transcoding_subtitle_task_list", Json.MAPPER.createArrayNode());
        ObjectNode o = Json.object();
        o.put("drive_id", drive);
        o.put("file_id", n.fileId());
        o.set("video_preview_play_info", info);
        return o;
    }

    private FileNode file(String drive, String fileId) {
        FileNode n = access.active(drive, fileId);
        if (n.isFolder()) {
            throw ApiException.badRequest("InvalidParameter.FileId", "The file_id is a folder");
        }
        return n;
    }
}
