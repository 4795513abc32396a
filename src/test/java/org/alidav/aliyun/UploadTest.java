package org.alidav.aliyun;

import static org.alidav.aliyun.ScriptedApi.error;
import static org.alidav.aliyun.ScriptedApi.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import okhttp3.mockwebserver.MockResponse;
import org.alidav.drive.DriveException;
import org.alidav.drive.DriveException.Kind;
import org.alidav.drive.Driver;
import org.alidav.drive.Entry;
import org.alidav.drive.Upload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadTest {
    private static final String V1 = "/adrive/v1.0/openFile/";
    private static final String CREATE = V1 + "create";
    private static final String COMPLETE = V1 + "complete";
    private static final String GET_URL = V1 + "getUploadUrl";
    private static final Instant MTIME = Instant.parse("2021-03-04T05:06:07.089Z");
    @TempDir
    Path state;
    ScriptedApi api;
    Harness h;
    /** Part bytes as the object storage received them. */
    final Map<Integer, byte[]> stored = new ConcurrentSkipListMap<>();

    @BeforeEach
    void setUp() throws Exception {
        api = new ScriptedApi();
        h = new Harness(api, state);
        api.on(CREATE, c -> json(200, session(c.json(), 1)));
        api.on(GET_URL, c -> json(200, session(c.json(), 2)));
        api.on("/part", c -> {
            stored.put(Integer.parseInt(c.url().queryParameter("n")), c.body());
            return new MockResponse().setResponseCode(200);
        });
        api.on(COMPLETE, c -> json(200, completed(sha1(joined()).toUpperCase(), joined().length)));
        api.on(V1 + "recyclebin/trash", c -> json(200, "{}"));
        api.on(V1 + "delete", c -> json(200, "{}"));
    }

    @AfterEach
    void tearDown() throws Exception {
        api.close();
    }

    private String session(JsonNode request, int generation) {
        StringBuilder parts = new StringBuilder();
        for (JsonNode p : request.get("part_info_list")) {
            int n = p.get("part_number").asInt();
            if (parts.length() > 0) parts.append(',');
            parts.append("{\"part_number\":").append(n).append(",\"upload_url\":\"").append(api.url("/part?n=" + n + "&gen=" + generation)).append("\"}");
        }
        return "{\"file_id\":\"new1\",\"upload_id\":\"up1\",\"file_name\":\"a.bin\",\"rapid_upload\":false,\"part_info_list\":[" + parts + "]}";
    }

    private static String completed(String hash, long size) {
        return "{\"file_id\":\"new1\",\"name\":\"a.bin\",\"type\":\"file\",\"size\":" + size + ",\"content_hash\":\"" + hash
                + "\",\"updated_at\":\"2025-01-01T00:00:00.000Z\",\"local_modified_at\":\"2021-03-04T05:06:07.089Z\",\"status\":\"available\"}";
    }

    private byte[] joined() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stored.values().forEach(out::writeBytes);
        return out.toByteArray();
    }

    static byte[] content(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    static String sha1(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Entry put(Driver d, byte[] data, long size, String sha1, Entry existing) {
        return d.put(Harness.folder("root"), "a.bin", new Upload(new ByteArrayInputStream(data), size, MTIME, sha1, existing));
    }

    private List<ScriptedApi.Call> puts() {
        return api.calls("/part");
    }

    @Test
    void streamsPartsRetryingAFailedPartWithoutContentTypeOrToken() {
        byte[] data = content(250_000);
        api.once("/part", c -> new MockResponse().setResponseCode(500));
        Entry e = put(h.driver(), data, data.length, null, null);

        assertArrayEquals(data, joined());
        assertEquals(4, puts().size(), "3 parts, one sent twice");
        for (ScriptedApi.Call p : puts()) {
            assertEquals("PUT", p.method());
            assertNull(p.headers().get("Content-Type"));
            assertNull(p.headers().get("Authorization"));
        }
        JsonNode create = api.calls(CREATE).get(0).json();
        assertFalse(create.has("size"), "no size without rapid upload");
        assertFalse(create.has("pre_hash"));
        assertEquals(3, create.get("part_info_list").size());
        assertEquals("refuse", create.get("check_name_mode").asText(), "a fresh name can never become a duplicate");
        assertEquals("2021-03-04T05:06:07.089Z", create.get("local_modified_at").asText());
        assertEquals(1, api.count(COMPLETE));
        assertEquals(sha1(data), e.sha1());
        assertEquals(MTIME, e.modified());
    }

    @Test
    void aRefusedPartUrlIsRenewedAndSoAreUrlsOlderThan50Minutes() {
        byte[] data = content(250_000);
        api.once("/part", c -> new MockResponse().setResponseCode(403));
        api.once("/part", c -> {
            h.clock.advance(Duration.ofMinutes(51)); // part 1 took long: the others' URLs are stale
            stored.put(1, c.body());
            return new MockResponse().setResponseCode(200);
        });
        put(h.driver(), data, data.length, null, null);
        assertArrayEquals(data, joined());
        assertEquals(2, api.count(GET_URL), "after the 403, and again after 50 minutes");
        assertEquals("2", puts().get(1).url().queryParameter("gen"));
        assertEquals(1, api.calls(GET_URL).get(0).json().get("part_info_list").get(0).get("part_number").asInt());
        assertEquals(2, api.calls(GET_URL).get(1).json().get("part_info_list").get(0).get("part_number").asInt(),
                "only the parts still to send are renewed");
        assertEquals("up1", api.calls(GET_URL).get(0).json().get("upload_id").asText());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 409})
    void rapidUploadHitSendsNoBytesAndAProofForTheTokenOfThatRequest(int preHashStatus) throws Exception {
        byte[] data = content(200_000);
        api.once(CREATE, c -> error(preHashStatus, "PreHashMatched"));
        api.once(CREATE, c -> json(200, "{\"file_id\":\"new1\",\"upload_id\":\"up1\",\"rapid_upload\":true}"));
        api.on(COMPLETE, c -> json(200, completed(sha1(data).toUpperCase(), data.length)));
        Entry e = put(h.driver(Map.of("rapid_upload", true)), data, data.length, null, null);

        assertEquals(0, puts().size());
        JsonNode pre = api.calls(CREATE).get(0).json();
        assertEquals(sha1(java.util.Arrays.copyOf(data, 1024)), pre.get("pre_hash").asText());
        assertEquals(data.length, pre.get("size").asLong());
        ScriptedApi.Call second = api.calls(CREATE).get(1);
        JsonNode full = second.json();
        assertFalse(full.has("pre_hash"));
        assertEquals(sha1(data), full.get("content_hash").asText());
        assertEquals("sha1", full.get("content_hash_name").asText());
        assertEquals("v1", full.get("proof_version").asText());
        assertEquals(independentProof(second.token(), data), full.get("proof_code").asText());
        assertEquals(1, api.count(COMPLETE));
        assertEquals(sha1(data), e.sha1());
    }

    @Test
    void rapidUploadMissSendsThePartsFromTheBodyAfterThePreHashCreate() {
        byte[] data = content(200_000);
        put(h.driver(Map.of("rapid_upload", true)), data, data.length, null, null);
        assertEquals(1, api.count(CREATE), "the pre-hash did not match: that create already gave part URLs");
        assertArrayEquals(data, joined());
    }

    @Test
    void unknownSizeIsSpooledThenUploadedInParts() {
        byte[] data = content(150_000);
        Entry e = put(h.driver(), data, Upload.UNKNOWN_SIZE, null, null);
        assertArrayEquals(data, joined());
        assertEquals(2, api.calls(CREATE).get(0).json().get("part_info_list").size());
        assertEquals(150_000, e.size());
    }

    @Test
    void clientChecksumGoesStraightToTheFullHashAndARapidHitStillReadsTheWholeBody() {
        byte[] data = content(300_000);
        api.once(CREATE, c -> json(200, "{\"file_id\":\"new1\",\"upload_id\":\"up1\",\"rapid_upload\":true}"));
        api.on(COMPLETE, c -> json(200, completed(sha1(data).toUpperCase(), data.length)));
        ByteArrayInputStream body = new ByteArrayInputStream(data);
        h.driver(Map.of("rapid_upload", true)).put(Harness.folder("root"), "a.bin", new Upload(body, data.length, MTIME, sha1(data), null));

        assertEquals(1, api.count(CREATE));
        ScriptedApi.Call create = api.calls(CREATE).get(0);
        assertFalse(create.json().has("pre_hash"));
        assertEquals(independentProof(create.token(), data), create.json().get("proof_code").asText());
        assertEquals(0, puts().size());
        assertEquals(0, body.available(), "the body is read to its end");
    }

    @Test
    void clientChecksumMissContinuesFromTheSpooledPrefix() {
        byte[] data = content(300_000);
        put(h.driver(Map.of("rapid_upload", true)), data, data.length, sha1(data), null);
        assertEquals(1, api.count(CREATE));
        assertArrayEquals(data, joined());
    }

    @Test
    void aBodyNotMatchingTheClientChecksumIsDeleted() {
        byte[] data = content(300_000);
        String wrong = sha1("something else".getBytes(StandardCharsets.UTF_8));
        api.on(COMPLETE, c -> json(200, completed(wrong.toUpperCase(), data.length)));
        DriveException e = assertThrows(DriveException.class, () -> put(h.driver(Map.of("rapid_upload", true)), data, data.length, wrong, null));
        assertEquals(Kind.CONFLICT, e.kind());
        assertEquals(0, api.count(COMPLETE));
        assertEquals("new1", api.calls(V1 + "delete").get(0).json().get("file_id").asText());
    }

    @Test
    void overwriteRemovesTheOldFileOnlyAfterCompletePerRemoveWay() {
        byte[] data = content(1000);
        Entry old = Entry.file("old1", "a.bin", 5, MTIME, null);
        put(h.driver(), data, data.length, null, old);
        assertEquals("ignore", api.calls(CREATE).get(0).json().get("check_name_mode").asText());
        assertEquals("old1", api.calls(V1 + "recyclebin/trash").get(0).json().get("file_id").asText());
        assertTrue(api.calls.indexOf(api.calls(COMPLETE).get(0)) < api.calls.indexOf(api.calls(V1 + "recyclebin/trash").get(0)));

        put(h.driver(Map.of("remove_way", "delete")), data, data.length, null, old);
        assertEquals("old1", api.calls(V1 + "delete").get(0).json().get("file_id").asText());
    }

    @Test
    void aFailedOverwriteKeepsTheOldFileAndDeletesTheNewOne() {
        byte[] data = content(1000);
        api.on(COMPLETE, c -> error(400, "NotFound.UploadId"));
        Entry old = Entry.file("old1", "a.bin", 5, MTIME, null);
        assertThrows(DriveException.class, () -> put(h.driver(), data, data.length, null, old));
        assertEquals(0, api.count(V1 + "recyclebin/trash"));
        assertEquals(List.of("new1"), api.calls(V1 + "delete").stream().map(c -> c.json().get("file_id").asText()).toList());
    }

    @Test
    void aBodyShorterOrLongerThanDeclaredFailsAndLeavesNothing() {
        byte[] data = content(200_000);
        DriveException shortBody = assertThrows(DriveException.class, () -> put(h.driver(), data, 250_000, null, null));
        assertTrue(shortBody.getMessage().contains("ended"), shortBody.getMessage());
        assertThrows(DriveException.class, () -> put(h.driver(), data, 150_000, null, null));
        assertEquals(0, api.count(COMPLETE));
        assertEquals(2, api.count(V1 + "delete"));
    }

    @Test
    void aStoredHashDifferentFromTheUploadedBytesIsAnError() {
        byte[] data = content(1000);
        api.on(COMPLETE, c -> json(200, completed("0000000000000000000000000000000000000000", data.length)));
        assertEquals(Kind.UPSTREAM, assertThrows(DriveException.class, () -> put(h.driver(), data, data.length, null, null)).kind());
        assertEquals(1, api.count(V1 + "delete"));
    }

    @Test
    void aNameTakenMeanwhileIsAlreadyExistsAndTheExistingFileIsNotTouched() {
        api.on(CREATE, c -> json(200, "{\"file_id\":\"someone-elses\",\"exist\":true}"));
        byte[] data = content(10);
        assertEquals(Kind.ALREADY_EXISTS, assertThrows(DriveException.class, () -> put(h.driver(), data, data.length, null, null)).kind());
        assertEquals(0, api.count(V1 + "delete"));
    }

    @Test
    void anEmptyFileDeclaresNoParts() {
        Entry e = put(h.driver(), new byte[0], 0, null, null);
        assertEquals(0, api.calls(CREATE).get(0).json().get("part_info_list").size());
        assertEquals(0, e.size());
    }

    /** Proof v1 computed another way than the driver does: unsigned long arithmetic, not BigInteger. */
    static String independentProof(String token, byte[] data) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(token.getBytes(StandardCharsets.UTF_8)));
            long start = Long.remainderUnsigned(Long.parseUnsignedLong(hex.substring(0, 16), 16), data.length);
            int end = (int) Math.min(start + 8, data.length);
            return Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(data, (int) start, end));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void proofCodeMatchesAKnownVector(@TempDir Path dir) throws Exception {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) i;
        Path file = dir.resolve("f");
        java.nio.file.Files.write(file, data);
        // computed with Python's hashlib: md5("alidav-token") = b8f96f32fdf2b1cf…, 0xb8f96f32fdf2b1cf mod 1000 = 383
        String token = "alidav-token";
        assertEquals(383, ProofCode.offset(token, 1000));
        assertEquals("f4CBgoOEhYY=", ProofCode.compute(token, 1000, file));
        assertEquals(independentProof(token, data), ProofCode.compute(token, 1000, file));
        assertEquals(12, ProofCode.compute(token, 1000, file).length(), "8 bytes in padded base64");
        assertEquals("", ProofCode.compute(token, 0, file));
    }

}
