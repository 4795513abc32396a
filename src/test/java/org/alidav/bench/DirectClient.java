package org.alidav.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import org.alidav.sandbox.SandboxServer;

/**
 * Talks to the sandbox directly, as a hand-written Open API client would: the "direct" baselines
 * (object download from a fresh link, multipart upload with create / part PUTs / complete).
 */
final class DirectClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SandboxServer sandbox;
    private final String accessToken;
    private final String driveId;

    DirectClient(SandboxServer sandbox, String refreshToken) throws Exception {
        this.sandbox = sandbox;
        ObjectNode body = JSON.createObjectNode().put("client_id", sandbox.clientId()).put("client_secret", sandbox.clientSecret())
                .put("grant_type", "refresh_token").put("refresh_token", refreshToken);
        this.accessToken = call("/oauth/access_token", body, false).get("access_token").asText();
        this.driveId = call("/adrive/v1.0/user/getDriveInfo", JSON.createObjectNode(), true).get("resource_drive_id").asText();
    }

    /** One API call, waiting out 429s as x-retry-after says. */
    JsonNode call(String path, ObjectNode body, boolean auth) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            String[] headers = auth ? new String[]{"Content-Type", "application/json", "Authorization", "Bearer " + accessToken}
                    : new String[]{"Content-Type", "application/json"};
            HttpResponse<String> r = Http.send("POST", sandbox.baseUrl() + path, JSON.writeValueAsString(body), headers);
            if (r.statusCode() == 429) {
                Thread.sleep(Long.parseLong(r.headers().firstValue("x-retry-after").orElse("1000")) + 5);
                continue;
            }
            if (r.statusCode() != 200) throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
            return JSON.readTree(r.body());
        }
        throw new IllegalStateException(path + ": still rate limited");
    }

    String fileIdOf(String name) throws Exception {
        JsonNode items = call("/adrive/v1.0/openFile/list", JSON.createObjectNode().put("drive_id", driveId)
                .put("parent_file_id", "root").put("limit", 200), true).get("items");
        for (JsonNode i : items) if (i.get("name").asText().equals(name)) return i.get("file_id").asText();
        throw new IllegalStateException(name + " not in the drive root");
    }

    /** A fresh download link of the file (getDownloadUrl). */
    String downloadUrl(String fileId) throws Exception {
        return call("/adrive/v1.0/openFile/getDownloadUrl", JSON.createObjectNode().put("drive_id", driveId)
                .put("file_id", fileId).put("expire_sec", 900), true).get("url").asText();
    }

    /** create with all parts, PUT each part to its URL, complete. */
    void upload(String name, java.util.function.Supplier<InputStream> content, long size, long partSize) throws Exception {
        int parts = (int) ((size + partSize - 1) / partSize);
        ObjectNode create = JSON.createObjectNode().put("drive_id", driveId).put("parent_file_id", "root").put("name", name)
                .put("type", "file").put("size", size).put("check_name_mode", "ignore");
        var list = create.putArray("part_info_list");
        for (int i = 1; i <= parts; i++) list.addObject().put("part_number", i);
        JsonNode created = call("/adrive/v1.0/openFile/create", create, true);
        try (InputStream in = content.get()) {
            JsonNode urls = created.get("part_info_list");
            for (int i = 0; i < parts; i++) {
                long len = Math.min(partSize, size - (long) i * partSize);
                InputStream part = new java.io.FilterInputStream(in) {
                    long left = len;

                    @Override
                    public int read(byte[] b, int off, int n) throws IOException {
                        if (left <= 0) return -1;
                        int k = super.read(b, off, (int) Math.min(n, left));
                        if (k > 0) left -= k;
                        return k;
                    }

                    @Override
                    public void close() {
                    }
                };
                HttpResponse<String> r = Http.put(urls.get(i).get("upload_url").asText(), () -> part, len);
                if (r.statusCode() != 200) throw new IllegalStateException("part PUT " + r.statusCode() + " " + r.body());
            }
        }
        call("/adrive/v1.0/openFile/complete", JSON.createObjectNode().put("drive_id", driveId)
                .put("file_id", created.get("file_id").asText()).put("upload_id", created.get("upload_id").asText()), true);
    }
}
