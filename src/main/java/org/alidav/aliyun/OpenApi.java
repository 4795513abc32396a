package org.alidav.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alidav.aliyun.ApiModel.AsyncTask;
import org.alidav.aliyun.ApiModel.CreateResult;
import org.alidav.aliyun.ApiModel.DownloadUrl;
import org.alidav.aliyun.ApiModel.FileItem;
import org.alidav.aliyun.ApiModel.FileList;
import org.alidav.aliyun.ApiModel.SpaceInfo;
import org.alidav.aliyun.ApiModel.TaskResult;
import org.alidav.aliyun.ApiModel.UploadUrls;

/** The Open API endpoints the driver uses, each with its request shape, rate class and idempotency. */
final class OpenApi {
    private static final String V1 = "/adrive/v1.0/openFile/";
    private final OpenApiClient client;
    private final DriveSelector drive;
    private final String orderBy;
    private final String orderDirection;

    OpenApi(OpenApiClient client, DriveSelector drive, String orderBy, String orderDirection) {
        this.client = client;
        this.drive = drive;
        this.orderBy = orderBy;
        this.orderDirection = orderDirection;
    }

    /** The drive this storage serves (asked of getDriveInfo on first use). */
    String driveId() {
        return drive.driveId();
    }

    /** One page; {@code limit} 200 as the reference client sends, pages followed by the caller. */
    FileList listPage(String parentId, String marker) {
        Map<String, Object> body = body();
        body.put("parent_file_id", parentId);
        body.put("limit", 200);
        body.put("marker", marker);
        body.put("order_by", orderBy);
        body.put("order_direction", orderDirection);
        return client.post(V1 + "list", body, ApiCall.read(Bucket.LIST), FileList.class);
    }

    /** Every item of a folder: pages until {@code next_marker} is empty, whatever page size the server uses. */
    List<FileItem> listAll(String parentId) {
        List<FileItem> all = new ArrayList<>();
        String marker = "";
        do {
            FileList page = listPage(parentId, marker);
            if (page.items() != null) all.addAll(page.items());
            marker = page.nextMarker();
        } while (marker != null && !marker.isEmpty());
        return all;
    }

    FileItem get(String fileId) {
        return client.post(V1 + "get", withFile(fileId), ApiCall.read(Bucket.OTHER), FileItem.class);
    }

    DownloadUrl downloadUrl(String fileId, long expireSec) {
        Map<String, Object> body = withFile(fileId);
        body.put("expire_sec", expireSec);
        return client.post(V1 + "getDownloadUrl", body, ApiCall.read(Bucket.LINK), DownloadUrl.class);
    }

    /** Creates a folder or an upload session; {@code fields} are added to drive_id. */
    CreateResult create(Map<String, Object> fields) {
        Map<String, Object> body = body();
        body.putAll(fields);
        return client.post(V1 + "create", body, ApiCall.write(), CreateResult.class);
    }

    /** A create whose body carries a proof code, computed for the token it is finally sent with. */
    /** The proof code for a given access token; may fail when the bytes it needs are not at hand. */
    interface ProofSource {
        String proofFor(String accessToken) throws java.io.IOException;
    }

    CreateResult createWithProof(Map<String, Object> fields, ProofSource proof) {
        Map<String, Object> base = body();
        base.putAll(fields);
        ApiCall call = ApiCall.boundTo(token -> {
            Map<String, Object> b = new LinkedHashMap<>(base);
            b.put("proof_code", proof.proofFor(token));
            b.put("proof_version", "v1");
            return okhttp3.RequestBody.create(Json.MAPPER.writeValueAsString(b), okhttp3.MediaType.get("application/json"));
        });
        return client.post(V1 + "create", null, call, CreateResult.class);
    }

    UploadUrls uploadUrls(String fileId, String uploadId, int firstPart, int lastPart) {
        Map<String, Object> body = withFile(fileId);
        body.put("upload_id", uploadId);
        body.put("part_info_list", partNumbers(firstPart, lastPart));
        return client.post(V1 + "getUploadUrl", body, ApiCall.read(Bucket.OTHER), UploadUrls.class);
    }

    FileItem complete(String fileId, String uploadId) {
        Map<String, Object> body = withFile(fileId);
        body.put("upload_id", uploadId == null ? "" : uploadId);
        return client.post(V1 + "complete", body, ApiCall.write(), FileItem.class);
    }

    /** {@code check_name_mode} values: refuse answers {@code exist:true} on a taken name, ignore makes a second item of it. */
    static final String REFUSE = "refuse";
    static final String IGNORE = "ignore";

    FileItem rename(String fileId, String name, String checkNameMode) {
        Map<String, Object> body = withFile(fileId);
        body.put("name", name);
        body.put("check_name_mode", checkNameMode);
        return client.post(V1 + "update", body, ApiCall.write(), FileItem.class);
    }

    TaskResult move(String fileId, String toParentId, String checkNameMode) {
        Map<String, Object> body = withFile(fileId);
        body.put("to_parent_file_id", toParentId);
        body.put("check_name_mode", checkNameMode);
        return client.post(V1 + "move", body, ApiCall.write(), TaskResult.class);
    }

    /** Copies with auto_rename, so that a name clash yields a renamed copy instead of a duplicate. */
    TaskResult copy(String fileId, String toParentId) {
        Map<String, Object> body = withFile(fileId);
        body.put("to_parent_file_id", toParentId);
        body.put("auto_rename", true);
        return client.post(V1 + "copy", body, ApiCall.write(), TaskResult.class);
    }

    /** The answer's shape is not documented (docs/open-api.md, "Answers") and nothing of it is used. */
    void trash(String fileId) {
        client.post(V1 + "recyclebin/trash", withFile(fileId), ApiCall.write(), JsonNode.class);
    }

    /** As {@link #trash}, for good. */
    void delete(String fileId) {
        client.post(V1 + "delete", withFile(fileId), ApiCall.write(), JsonNode.class);
    }

    AsyncTask asyncTask(String taskId) {
        return client.post(V1 + "async_task/get", Map.of("async_task_id", taskId), ApiCall.read(Bucket.OTHER), AsyncTask.class);
    }

    SpaceInfo spaceInfo() {
        return client.post("/adrive/v1.0/user/getSpaceInfo", null, ApiCall.read(Bucket.OTHER), SpaceInfo.class);
    }

    static List<Map<String, Integer>> partNumbers(int first, int last) {
        List<Map<String, Integer>> parts = new ArrayList<>();
        for (int i = first; i <= last; i++) parts.add(Map.of("part_number", i));
        return parts;
    }

    private Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("drive_id", drive.driveId());
        return body;
    }

    private Map<String, Object> withFile(String fileId) {
        Map<String, Object> body = body();
        body.put("file_id", fileId);
        return body;
    }
}
