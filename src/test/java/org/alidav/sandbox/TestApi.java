package org.alidav.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A minimal HTTP client for the sandbox tests (deliberately not the product driver). */
final class TestApi {
    static final ObjectMapper JSON = new ObjectMapper();
    static final MediaType JSON_TYPE = MediaType.get("application/json");
    static final String UA = "alidav-sandbox-test/1.0";

    /** A raw answer. */
    record Resp(int status, Headers headers, byte[] bytes) {
        String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        String code() {
            return json().path("code").asText();
        }

        String contentType() {
            return headers.get("Content-Type");
        }
    }

    final SandboxServer sandbox;
    final OkHttpClient http;
    String accessToken;
    String refreshToken;
    String driveId;

    TestApi(SandboxServer sandbox) {
        this.sandbox = sandbox;
        this.http = new OkHttpClient.Builder().retryOnConnectionFailure(false)
                .readTimeout(30, TimeUnit.SECONDS).build();
    }

    static Map<String, Object> m(Object... kv) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }

    /** Logs a user in: fresh refresh token, one refresh, default drive. */
    TestApi login(String user) {
        refreshToken = sandbox.issueRefreshToken(user);
        refresh();
        driveId = ok("user/getDriveInfo", m()).get("default_drive_id").asText();
        return this;
    }

    JsonNode refresh() {
        Resp r = postJson("/oauth/access_token", m("grant_type", "refresh_token", "client_id", sandbox.clientId(),
                "client_secret", sandbox.clientSecret(), "refresh_token", refreshToken), null);
        assertEquals(200, r.status(), r.text());
        accessToken = r.json().get("access_token").asText();
        refreshToken = r.json().get("refresh_token").asText();
        return r.json();
    }

    /** POST {@code /adrive/v1.0/<path>} with the current token. */
    Resp post(String path, Object body) {
        return postJson(SandboxServer.API_PREFIX + path, body, accessToken);
    }

    /** Like {@link #post} but asserts 200 and returns the JSON. */
    JsonNode ok(String path, Object body) {
        Resp r = post(path, body);
        assertEquals(200, r.status(), path + " → " + r.text());
        return r.json();
    }

    Resp postJson(String fullPath, Object body, String token) {
        try {
            return postRaw(fullPath, JSON.writeValueAsString(body), token, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Resp postRaw(String fullPath, String body, String token, boolean userAgent) {
        Request.Builder b = new Request.Builder().url(sandbox.baseUrl() + fullPath)
                .post(RequestBody.create(body, JSON_TYPE));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (userAgent) {
            b.header("User-Agent", UA);
        } else {
            b.header("User-Agent", "");
        }
        return call(b.build());
    }

    Resp get(String url, String... headers) {
        Request.Builder b = new Request.Builder().url(url).header("User-Agent", UA);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return call(b.build());
    }

    Resp put(String url, byte[] data) {
        return call(new Request.Builder().url(url).put(RequestBody.create(data, null)).build());
    }

    Resp call(Request request) {
        try (Response r = http.newCall(request).execute()) {
            return new Resp(r.code(), r.headers(), r.body().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String mkdir(String parent, String name) {
        return ok("openFile/create", m("drive_id", driveId, "parent_file_id", parent, "name", name,
                "type", "folder", "check_name_mode", "refuse")).get("file_id").asText();
    }

    /** Plain upload (no rapid upload), parts of {@code partSize}, then complete. */
    JsonNode upload(String parent, String name, byte[] data, int partSize) {
        int parts = Math.max(1, (data.length + partSize - 1) / partSize);
        if (data.length == 0) {
            parts = 0;
        }
        List<Object> list = new ArrayList<>();
        for (int i = 1; i <= parts; i++) {
            list.add(m("part_number", i));
        }
        JsonNode created = ok("openFile/create", m("drive_id", driveId, "parent_file_id", parent, "name", name,
                "type", "file", "check_name_mode", "ignore", "part_info_list", list));
        for (int i = 0; i < parts; i++) {
            int from = i * partSize;
            int to = Math.min(data.length, from + partSize);
            byte[] chunk = java.util.Arrays.copyOfRange(data, from, to);
            Resp r = put(created.get("part_info_list").get(i).get("upload_url").asText(), chunk);
            assertEquals(200, r.status(), r.text());
        }
        return ok("openFile/complete", m("drive_id", driveId, "file_id", created.get("file_id").asText(),
                "upload_id", created.get("upload_id").asText()));
    }

    String downloadUrl(String fileId) {
        return ok("openFile/getDownloadUrl", m("drive_id", driveId, "file_id", fileId)).get("url").asText();
    }

    static String sha1(byte[] data) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }
}
