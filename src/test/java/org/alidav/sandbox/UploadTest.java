package org.alidav.sandbox;

import static org.alidav.sandbox.TestApi.m;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

class UploadTest extends SandboxTestSupport {

    /** Client side of proof_code v1, written from docs/open-api.md, "Uploads". */
    static String proof(String token, byte[] data) throws Exception {
        if (data.length == 0) {
            return "";
        }
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(token.getBytes(StandardCharsets.UTF_8)));
        int start = new BigInteger(md5.substring(0, 16), 16).mod(BigInteger.valueOf(data.length)).intValue();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(data, start, Math.min(start + 8, data.length)));
    }

    private JsonNode createFile(String name, Object... extra) {
        var body = m("drive_id", api.driveId, "parent_file_id", "root", "name", name, "type", "file",
                "check_name_mode", "ignore");
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return api.ok("openFile/create", body);
    }

    private static RequestBody chunked(byte[] data) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return null;
            }

            @Override
            public long contentLength() {
                return -1; // → Transfer-Encoding: chunked, like Go clients
            }

            @Override
            public void writeTo(BufferedSink sink) throws java.io.IOException {
                sink.write(data);
            }
        };
    }

    @Test
    void partsAreAssembledInPartNumberOrder() {
        byte[] data = TestApi.bytes(3_000_000, 7);
        JsonNode c = createFile("f.bin", "part_info_list", List.of(m("part_number", 1), m("part_number", 2)));
        JsonNode urls = api.ok("openFile/getUploadUrl", m("drive_id", api.driveId, "file_id", c.get("file_id").asText(),
                "upload_id", c.get("upload_id").asText(), "part_info_list", List.of(m("part_number", 3))));
        // part 3 was not declared at create; upload out of order, part 2 chunked
        assertEquals(200, api.put(urls.get("part_info_list").get(0).get("upload_url").asText(),
                Arrays.copyOfRange(data, 2_000_000, 3_000_000)).status());
        TestApi.Resp p2 = api.call(new Request.Builder().url(c.get("part_info_list").get(1).get("upload_url").asText())
                .put(chunked(Arrays.copyOfRange(data, 1_000_000, 2_000_000))).build());
        assertEquals(200, p2.status(), p2.text());
        assertEquals(200, api.put(c.get("part_info_list").get(0).get("upload_url").asText(),
                Arrays.copyOf(data, 1_000_000)).status());
        TestApi.Resp again = api.put(c.get("part_info_list").get(0).get("upload_url").asText(), new byte[10]);
        assertEquals(409, again.status());
        JsonNode parts = api.ok("openFile/listUploadedParts", m("drive_id", api.driveId,
                "file_id", c.get("file_id").asText(), "upload_id", c.get("upload_id").asText()));
        assertEquals(3, parts.get("uploaded_parts").size());
        assertEquals(1_000_000, parts.get("uploaded_parts").get(0).get("part_size").asLong());
        JsonNode done = api.ok("openFile/complete", m("drive_id", api.driveId, "file_id", c.get("file_id").asText(),
                "upload_id", c.get("upload_id").asText()));
        assertEquals(3_000_000, done.get("size").asLong());
        assertEquals(TestApi.sha1(data), done.get("content_hash").asText());
        assertEquals(3_000_000, sandbox.stats().uploadedPartBytes());
        assertEquals(3, sandbox.stats().count(CallStats.OBJECT_PUT, 200));
        assertEquals(1, sandbox.stats().count(CallStats.OBJECT_PUT, 409));
        assertArrayEquals(data, api.get(api.downloadUrl(done.get("file_id").asText())).bytes());
        // complete is idempotent; a wrong upload id is NotFound.UploadId
        assertEquals(200, api.post("openFile/complete", m("drive_id", api.driveId, "file_id", c.get("file_id").asText(),
                "upload_id", c.get("upload_id").asText())).status());
        assertEquals("NotFound.UploadId", api.post("openFile/getUploadUrl", m("drive_id", api.driveId,
                "file_id", c.get("file_id").asText(), "upload_id", "nope")).code());
    }

    @Test
    void uploadUrlsRejectContentTypeAndExpire() {
        JsonNode c = createFile("g.bin", "part_info_list", List.of(m("part_number", 1)));
        String url = c.get("part_info_list").get(0).get("upload_url").asText();
        TestApi.Resp typed = api.call(new Request.Builder().url(url)
                .put(RequestBody.create(new byte[4], MediaType.get("application/octet-stream"))).build());
        assertEquals(403, typed.status());
        assertTrue(typed.text().contains("SignatureDoesNotMatch"));
        assertEquals(403, api.put(url.replace("x-oss-signature=", "x-oss-signature=A"), new byte[4]).status());
        clock.advance(Duration.ofSeconds(3601));
        TestApi.Resp expired = api.put(url, new byte[4]);
        assertEquals(403, expired.status());
        assertTrue(expired.text().contains("Request has expired."), expired.text());
    }

    @Test
    void rapidUploadWithPreHashThenProof() throws Exception {
        byte[] data = TestApi.bytes(200_000, 11);
        api.upload("root", "orig.bin", data, 64_000);
        sandbox.stats().reset();
        String preHash = TestApi.sha1(Arrays.copyOf(data, 1024)).toLowerCase();
        TestApi.Resp pre = api.post("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root",
                "name", "copy.bin", "type", "file", "check_name_mode", "ignore", "size", data.length,
                "pre_hash", preHash, "part_info_list", List.of(m("part_number", 1))));
        assertEquals(400, pre.status());
        assertEquals("PreHashMatched", pre.code());

        TestApi.Resp wrong = api.post("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root",
                "name", "copy.bin", "type", "file", "size", data.length, "content_hash", TestApi.sha1(data).toLowerCase(),
                "content_hash_name", "sha1", "proof_version", "v1", "proof_code", "AAAAAAAAAAA="));
        assertEquals(400, wrong.status());
        assertEquals("InvalidRapidProof", wrong.code());

        JsonNode hit = createFile("copy.bin", "size", data.length, "content_hash", TestApi.sha1(data).toLowerCase(),
                "content_hash_name", "sha1", "proof_version", "v1", "proof_code", proof(api.accessToken, data),
                "part_info_list", List.of(m("part_number", 1)));
        assertTrue(hit.get("rapid_upload").asBoolean());
        JsonNode done = api.ok("openFile/complete", m("drive_id", api.driveId, "file_id", hit.get("file_id").asText(),
                "upload_id", hit.get("upload_id").asText()));
        assertEquals(TestApi.sha1(data), done.get("content_hash").asText());
        assertEquals(data.length, done.get("size").asLong());
        assertEquals(0, sandbox.stats().count(CallStats.OBJECT_PUT));

        // a proof computed with a different token (e.g. before a refresh) is wrong for this request
        String oldToken = api.accessToken;
        api.refresh();
        assertEquals("InvalidRapidProof", api.post("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root",
                "name", "c2.bin", "type", "file", "size", data.length, "content_hash", TestApi.sha1(data),
                "proof_code", proof(oldToken, data))).code());
    }

    @Test
    void rapidMissesFallBackToParts() {
        byte[] data = TestApi.bytes(150_000, 12);
        JsonNode miss = createFile("new.bin", "size", data.length,
                "pre_hash", TestApi.sha1(Arrays.copyOf(data, 1024)), "part_info_list", List.of(m("part_number", 1)));
        assertFalse(miss.get("rapid_upload").asBoolean());
        assertEquals(1, miss.get("part_info_list").size());
        JsonNode none = createFile("none.bin", "content_hash_name", "none", "proof_version", "v1",
                "content_hash", "", "proof_code", "", "part_info_list", List.of(m("part_number", 1)));
        assertFalse(none.get("rapid_upload").asBoolean());
        // full hash of unknown content on a first create (Android SDK style): normal upload, hash checked at complete
        JsonNode full = createFile("full.bin", "size", data.length, "content_hash", TestApi.sha1(data),
                "content_hash_name", "sha1", "proof_code", "x", "part_info_list", List.of(m("part_number", 1)));
        assertFalse(full.get("rapid_upload").asBoolean());
        api.put(full.get("part_info_list").get(0).get("upload_url").asText(), data);
        assertEquals(TestApi.sha1(data), api.ok("openFile/complete", m("drive_id", api.driveId,
                "file_id", full.get("file_id").asText(), "upload_id", full.get("upload_id").asText()))
                .get("content_hash").asText());
    }

    @Test
    void completeChecksTheDeclaredSize() {
        JsonNode c = createFile("s.bin", "size", 10, "part_info_list", List.of(m("part_number", 1)));
        api.put(c.get("part_info_list").get(0).get("upload_url").asText(), new byte[9]);
        TestApi.Resp r = api.post("openFile/complete", m("drive_id", api.driveId, "file_id", c.get("file_id").asText(),
                "upload_id", c.get("upload_id").asText()));
        assertEquals(400, r.status());
    }
}
