package org.alidav.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Folder/file creation (with rapid upload), part URLs, uploaded-part listing and complete. */
final class UploadHandlers {
    private static final int MAX_PARTS = 10_000;

    private final DriveAccess access;
    private final FileTree tree;
    private final BlobStore blobs;
    private final PartStore parts;
    private final ObjectUrls urls;
    private final SpaceMeter space;
    private final SandboxOptions options;
    private final Clock clock;
    private final Map<String, Object> completionLocks = new ConcurrentHashMap<>();

    UploadHandlers(DriveAccess access, BlobStore blobs, PartStore parts, ObjectUrls urls, SpaceMeter space,
                   SandboxOptions options) {
        this.access = access;
        this.tree = access.tree();
        this.blobs = blobs;
        this.parts = parts;
        this.urls = urls;
        this.space = space;
        this.options = options;
        this.clock = options.clock();
    }

    void register(ApiRoutes routes) {
        routes.post("openFile/create", RateLimiter.RateClass.OTHER, this::create);
        routes.post("openFile/getUploadUrl", RateLimiter.RateClass.OTHER, this::getUploadUrl);
        routes.post("openFile/listUploadedParts", RateLimiter.RateClass.OTHER, this::listUploadedParts);
        routes.post("openFile/complete", RateLimiter.RateClass.OTHER, this::complete);
    }

    private Object create(ApiCall call) {
        RequestBody b = call.body();
        String drive = access.drive(call);
        String type = b.requireText("type");
        if (!type.equals(FileNode.FILE) && !type.equals(FileNode.FOLDER)) {
            throw ApiException.badRequest("InvalidParameter.Type", "The input parameter type is not valid.");
        }
        String requestedName = NameRules.validate(b.text("name"));
        NameRules.Mode mode = NameRules.Mode.parse(b.text("check_name_mode"), NameRules.Mode.IGNORE);
        TreeSet<Integer> partNumbers = type.equals(FileNode.FILE) ? partNumbers(b.array("part_info_list")) : new TreeSet<>();
        Long size = b.longValue("size");
        if (size != null && size < 0) {
            throw RequestBody.invalid("size");
        }
        synchronized (tree) {
            String parent = access.folder(drive, b.requireText("parent_file_id"));
            String name = requestedName;
            List<FileNode> same = tree.visibleNamed(drive, parent, name);
            if (!same.isEmpty() && mode == NameRules.Mode.REFUSE) {
                return existing(same.get(0));
            }
            if (!same.isEmpty() && mode == NameRules.Mode.AUTO_RENAME) {
                name = NameRules.autoRename(tree, drive, parent, name);
            }
            long now = clock.millis();
            String local1 = b.text("local_created_at");
            String local2 = b.text("local_modified_at");
            if (type.equals(FileNode.FOLDER)) {
                FileNode folder = new FileNode(Ids.fileId(), drive, parent, name, FileNode.FOLDER, null, null, now, now,
                        local1, local2, FileNode.State.AVAILABLE, null, null, null, null, false);
                tree.put(folder);
                ObjectNode o = FileView.of(folder);
                o.remove("name"); // create answers carry file_name instead (docs/open-api.md, "Uploads")
                o.put("file_name", folder.name());
                o.put("exist", false);
                o.put("rapid_upload", false);
                o.put("available", true);
                return o;
            }
            String declaredHash = rapidHash(call, b, size);
            String uploadId = Ids.hex(32).toUpperCase(Locale.ROOT);
            boolean rapid = declaredHash != null && blobs.find(size, declaredHash).isPresent();
            FileNode file = new FileNode(Ids.fileId(), drive, parent, name, FileNode.FILE,
                    rapid ? size : null, rapid ? declaredHash : null, now, now, local1, local2,
                    rapid ? FileNode.State.AVAILABLE : FileNode.State.UPLOADING, null, uploadId, size, declaredHash,
                    false);
            tree.put(file);
            ObjectNode o = Json.object();
            o.put("drive_id", drive);
            o.put("file_id", file.fileId());
            o.put("parent_file_id", parent);
            o.put("file_name", name);
            o.put("type", FileNode.FILE);
            o.put("status", rapid ? "available" : "uploading");
            o.put("available", rapid);
            o.put("upload_id", uploadId);
            o.put("exist", false);
            o.put("rapid_upload", rapid);
            o.put("revision_id", "");
            o.put("encrypt_mode", "none");
            o.set("part_info_list", rapid ? Json.MAPPER.createArrayNode() : partUrls(uploadId, partNumbers));
            return o;
        }
    }

    /**
     * Applies the rapid-upload protocol. Throws PreHashMatched when only a matching pre-hash was sent,
     * InvalidRapidProof for a wrong proof of known content. Returns the full hash to check at
     * complete (null if none was declared), rapid hits being those whose content is stored.
     */
    private String rapidHash(ApiCall call, RequestBody b, Long size) {
        String hashName = b.text("content_hash_name", "sha1");
        String contentHash = b.text("content_hash", "");
        if (hashName.equals("none") || size == null) {
            return null;
        }
        if (!hashName.equalsIgnoreCase("sha1")) {
            throw ApiException.badRequest("InvalidParameter.ContentHashName", "content_hash_name must be sha1 or none");
        }
        if (contentHash.isEmpty()) {
            String preHash = b.text("pre_hash", "");
            if (!preHash.isEmpty() && blobs.preHashKnown(size, preHash)) {
                throw new ApiException(options.preHashMatchedStatus(), "PreHashMatched", "Pre hash matched.");
            }
            return null;
        }
        String hash = contentHash.toUpperCase(Locale.ROOT);
        Optional<BlobStore.Blob> blob = blobs.find(size, hash);
        if (blob.isPresent()) {
            String expected = RapidProof.expected(call.accessToken(), blobs.path(hash), size);
            if (!expected.equals(b.text("proof_code", ""))) {
                throw ApiException.badRequest("InvalidRapidProof", "The proof code is invalid.");
            }
            space.ensureRoom(call.user(), size);
        }
        return hash;
    }

    private ObjectNode existing(FileNode n) {
        ObjectNode o = Json.object();
        o.put("drive_id", n.driveId());
        o.put("file_id", n.fileId());
        o.put("parent_file_id", n.parentId());
        o.put("file_name", n.name());
        o.put("type", n.type());
        o.put("status", "available");
        o.put("available", true);
        o.put("exist", true);
        o.put("rapid_upload", false);
        return o;
    }

    private Object getUploadUrl(ApiCall call) {
        RequestBody b = call.body();
        FileNode n = session(call);
        ObjectNode o = Json.object();
        o.put("drive_id", n.driveId());
        o.put("file_id", n.fileId());
        o.put("upload_id", n.uploadId());
        o.put("created_at", Json.time(n.createdAt()));
        o.set("part_info_list", partUrls(n.uploadId(), partNumbers(b.array("part_info_list"))));
        return o;
    }

    private Object listUploadedParts(ApiCall call) {
        FileNode n = session(call);
        long marker = call.body().longValue("part_number_marker", 0);
        ArrayNode arr = Json.MAPPER.createArrayNode();
        for (PartStore.Part p : parts.list(n.uploadId())) {
            if (p.number() > marker) {
                ObjectNode e = arr.addObject();
                e.put("etag", p.etag());
                e.put("part_number", p.number());
                e.put("part_size", p.size());
            }
        }
        ObjectNode o = Json.object();
        o.put("drive_id", n.driveId());
        o.put("file_id", n.fileId());
        o.put("upload_id", n.uploadId());
        o.put("parallelUpload", false);
        o.set("uploaded_parts", arr);
        o.put("next_part_number_marker", "");
        return o;
    }

    /** Assembles the parts in part-number order; also answers for a rapid hit or a repeated complete. */
    private Object complete(ApiCall call) {
        RequestBody b = call.body();
        String drive = access.drive(call);
        String fileId = b.requireText("file_id");
        String uploadId = b.text("upload_id", "");
        FileNode n = tree.get(fileId).filter(x -> x.driveId().equals(drive))
                .orElseThrow(() -> ApiException.notFoundFile(fileId));
        if (n.state() != FileNode.State.UPLOADING) {
            if (uploadId.isEmpty() || uploadId.equals(n.uploadId())) {
                return FileView.of(n);
            }
            throw notFoundUpload();
        }
        if (!uploadId.equals(n.uploadId())) {
            throw notFoundUpload();
        }
        synchronized (completionLocks.computeIfAbsent(uploadId, k -> new Object())) {
            try {
                return assemble(call, fileId, uploadId);
            } finally {
                completionLocks.remove(uploadId);
            }
        }
    }

    private Object assemble(ApiCall call, String fileId, String uploadId) {
        FileNode n = tree.get(fileId).orElseThrow(() -> ApiException.notFoundFile(fileId));
        if (n.state() != FileNode.State.UPLOADING) {
            return FileView.of(n); // a concurrent complete finished it
        }
        List<PartStore.Part> stored = parts.list(uploadId);
        BlobStore.Blob blob = blobs.assemble(stored.stream().map(PartStore.Part::path).toList());
        try {
            if (n.declaredSize() != null && n.declaredSize() != blob.size()) {
                throw ApiException.badRequest("InvalidParameter.Size",
                        "uploaded " + blob.size() + " bytes but size was declared as " + n.declaredSize());
            }
            if (n.declaredHash() != null && !n.declaredHash().equals(blob.sha1())) {
                throw ApiException.badRequest("InvalidParameter.ContentHash",
                        "uploaded content does not match the declared content_hash");
            }
            space.ensureRoom(call.user(), blob.size());
        } catch (ApiException e) {
            synchronized (tree) {
                if (!tree.blobReferenced(blob.sha1())) {
                    blobs.delete(blob.sha1());
                }
            }
            throw e;
        }
        FileNode done;
        synchronized (tree) {
            if (!blobs.exists(blob.sha1())) {
                // a concurrent delete dropped identical content between assembling and here: redo it
                blob = blobs.assemble(stored.stream().map(PartStore.Part::path).toList());
            }
            done = tree.get(fileId).orElseThrow(() -> ApiException.notFoundFile(fileId))
                    .completed(blob.size(), blob.sha1(), clock.millis());
            tree.put(done);
        }
        parts.discard(uploadId);
        return FileView.of(done);
    }

    /** The upload session named by drive_id/file_id/upload_id, or NotFound.UploadId. */
    private FileNode session(ApiCall call) {
        String drive = access.drive(call);
        String fileId = call.body().requireText("file_id");
        String uploadId = call.body().requireText("upload_id");
        return tree.byUploadId(uploadId)
                .filter(n -> n.fileId().equals(fileId) && n.driveId().equals(drive))
                .orElseThrow(UploadHandlers::notFoundUpload);
    }

    private ArrayNode partUrls(String uploadId, TreeSet<Integer> numbers) {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        for (int number : numbers) {
            ObjectNode e = arr.addObject();
            e.put("part_number", number);
            e.put("upload_url", urls.upload(uploadId, number, options.uploadUrlLifetime()).url());
            e.put("internal_upload_url", "");
            e.put("content_type", "");
        }
        return arr;
    }

    private static TreeSet<Integer> partNumbers(JsonNode list) {
        if (list.size() > MAX_PARTS) {
            throw ApiException.badRequest("InvalidParameter.PartInfoList", "at most 10000 parts are allowed");
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        for (JsonNode e : list) {
            JsonNode pn = e.get("part_number");
            if (pn == null || !pn.canConvertToInt() || pn.asInt() < 1 || pn.asInt() > MAX_PARTS) {
                throw ApiException.badRequest("InvalidParameter.PartNumber", "part_number must be 1..10000");
            }
            numbers.add(pn.asInt());
        }
        return numbers;
    }

    private static ApiException notFoundUpload() {
        return ApiException.badRequest("NotFound.UploadId", "The resource upload_id cannot be found.");
    }
}
