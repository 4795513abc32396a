package org.alidav.aliyun;

import static org.alidav.aliyun.ScriptedApi.error;
import static org.alidav.aliyun.ScriptedApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.alidav.drive.ByteRange;
import org.alidav.drive.Copier;
import org.alidav.drive.DriveException.Kind;
import org.alidav.drive.DriveException;
import org.alidav.drive.Driver;
import org.alidav.drive.Entry;
import org.alidav.drive.Link;
import org.alidav.drive.Linker;
import org.alidav.drive.QuotaReporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverOperationsTest {
    private static final String V1 = "/adrive/v1.0/openFile/";
    private static final String LINK = V1 + "getDownloadUrl";
    @TempDir
    Path state;
    ScriptedApi api;
    Harness h;
    final Entry file = Entry.file("f1", "movie.mp4", 26, Instant.EPOCH, null);

    @BeforeEach
    void setUp() throws Exception {
        api = new ScriptedApi();
        h = new Harness(api, state);
        api.on("/oss", c -> {
            String range = c.headers().get("Range");
            byte[] all = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.UTF_8);
            int first = Integer.parseInt(range.substring(6, range.indexOf('-')));
            String end = range.substring(range.indexOf('-') + 1);
            int last = end.isEmpty() ? all.length - 1 : Integer.parseInt(end); // proxy reads ask open-ended ranges
            return new MockResponse().setResponseCode(206).setHeader("Content-Range", "bytes " + first + "-" + last + "/" + all.length)
                    .setBody(new okio.Buffer().write(all, first, last - first + 1));
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        api.close();
    }

    private String ossUrl(long expires) {
        return api.url("/oss?x-oss-expires=" + expires + "&sig=x");
    }

    @Test
    void aRedirectGetsALinkWithHalfItsLifeLeftWhileReadsReuseItUntilTheMargin() throws Exception {
        // links live 900 s from when they are asked for, shorter than the 14400 s asked for
        api.on(LINK, c -> json(200, "{\"url\":\"" + ossUrl(h.clock.instant().getEpochSecond() + 900)
                + "\",\"expiration\":\"2030-01-01T00:00:00.000Z\"}"));
        AliyunOpenDriver d = (AliyunOpenDriver) h.driver();
        Link first = d.link(file);
        assertEquals(h.clock.instant().plusSeconds(900), first.expires());
        h.clock.advance(Duration.ofSeconds(450)); // exactly half left
        d.link(file);
        assertEquals(1, api.count(LINK), "a link with half its life left is handed out again");
        h.clock.advance(Duration.ofSeconds(1));
        d.link(file);
        assertEquals(2, api.count(LINK), "less than half its life left: a redirect gets a new one");
        assertEquals(14400, api.calls(LINK).get(0).json().get("expire_sec").asInt());

        h.clock.advance(Duration.ofSeconds(830)); // 70 s left
        d.open(file, new ByteRange(0, 0)).close();
        assertEquals(2, api.count(LINK), "a proxied read reuses the link until the margin");
        h.clock.advance(Duration.ofSeconds(15)); // 55 s left: inside the 60 s margin
        d.open(file, new ByteRange(0, 0)).close();
        assertEquals(3, api.count(LINK));
    }

    @Test
    void openReadsARangeWithoutTokenOrRefererAndRelinksWhenTheUrlIsRefused() throws Exception {
        api.on(LINK, c -> json(200, "{\"url\":\"" + ossUrl(TestTokens.NOW.getEpochSecond() + 900) + "\"}"));
        Driver d = h.driver();
        try (var in = d.open(file, new ByteRange(2, 5))) {
            assertEquals("cdef", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        var read = api.calls("/oss").get(0);
        // open-ended, so the stream can go on to serve a following nearby range (DownloadGate)
        assertEquals("bytes=2-", read.headers().get("Range"));
        assertNull(read.headers().get("Authorization"));
        assertNull(read.headers().get("Referer"));

        api.once("/oss", c -> new MockResponse().setResponseCode(403).setBody("<Error><Code>AccessDenied</Code></Error>"));
        try (var in = d.open(file, new ByteRange(0, 0))) {
            assertEquals("a", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(2, api.count(LINK));
    }

    @Test
    void livpIsServedAsTheChosenStreamWithThatStreamsSize() {
        String stream = ossUrl(TestTokens.NOW.getEpochSecond() + 900);
        api.on(LINK, c -> json(200, "{\"streams_url\":{\"jpeg\":\"" + stream + "&k=jpeg\",\"mov\":\"" + stream + "&k=mov\"}}"));
        api.on(V1 + "list", c -> json(200, Harness.listPage("",
                "{\"file_id\":\"p1\",\"name\":\"IMG.livp\",\"type\":\"file\",\"size\":999,\"file_extension\":\"livp\"}",
                "{\"file_id\":\"p2\",\"name\":\"IMG2.livp\",\"type\":\"file\",\"size\":999,\"file_extension\":\"livp\","
                        + "\"streams_info\":{\"mov\":{\"size\":1234}}}")));
        AliyunOpenDriver d = (AliyunOpenDriver) h.driver(Map.of("livp_download_format", "mov"));
        var entries = d.list(Harness.folder("root"));
        assertEquals(0, api.count(LINK) + api.count("/oss"), "a listing neither links nor probes");
        assertEquals(999, entries.get(0).size(), "the package's size until a read measures the stream");
        assertEquals(1234, entries.get(1).size(), "from streams_info");
        assertEquals("video/quicktime", entries.get(0).contentType());
        assertEquals(26, d.served(entries.get(0)).size(), "measured from the stream itself on the first read");
        assertEquals(1234, d.served(entries.get(1)).size(), "streams_info needs no measuring");
        assertEquals(1, api.count("/oss"));
        assertEquals("mov", okhttp3.HttpUrl.get(((Linker) d).link(entries.get(0)).url()).queryParameter("k"));
        assertEquals(1, api.count(LINK), "the measuring link is reused");
        assertEquals(26, d.list(Harness.folder("root")).get(0).size(), "a later listing carries the measured size");
        assertEquals(1, api.count("/oss"), "measured once per file version");

        api.on(LINK, c -> json(200, "{\"streamsUrl\":{\"jpeg\":\"" + stream + "&k=jpeg\"}}"));
        Driver jpeg = h.driver();
        assertEquals("jpeg", okhttp3.HttpUrl.get(((Linker) jpeg).link(Entry.file("p3", "x.livp", 1, Instant.EPOCH, null)).url())
                .queryParameter("k"), "camelCase streamsUrl is read too");
    }

    @Test
    void removeWayChoosesTrashOrDeleteAndAnAlreadyGoneItemIsRemoved() {
        api.on(V1 + "recyclebin/trash", c -> json(200, "{}"));
        api.on(V1 + "delete", c -> error(404, "NotFound.FileId"));
        h.driver().remove(file);
        h.driver(Map.of("remove_way", "delete")).remove(file);
        assertEquals(1, api.count(V1 + "recyclebin/trash"));
        assertEquals(1, api.count(V1 + "delete"));
    }

    @Test
    void mkdirRefusesAnExistingNameAndRecoversALostAnswer() {
        api.once(V1 + "create", c -> json(200, "{\"file_id\":\"d9\",\"file_name\":\"x\",\"exist\":true}"));
        Driver d = h.driver();
        assertEquals(Kind.ALREADY_EXISTS, assertThrows(DriveException.class, () -> d.mkdir(Harness.folder("root"), "x")).kind());
        assertEquals("refuse", api.calls(V1 + "create").get(0).json().get("check_name_mode").asText());

        api.once(V1 + "create", c -> new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AFTER_REQUEST));
        api.on(V1 + "list", c -> json(200, Harness.listPage("", "{\"file_id\":\"d10\",\"name\":\"y\",\"type\":\"folder\",\"created_at\":\""
                + java.time.Instant.now() + "\"}")));
        assertEquals("d10", d.mkdir(Harness.folder("root"), "y").id());
        assertEquals(2, api.count(V1 + "create"), "the lost create is looked up, not sent again");
    }

    @Test
    void moveAndRenameTogetherUndoTheMoveWhenTheNewNameIsTaken() {
        api.on(V1 + "move", c -> json(200, "{\"file_id\":\"f1\",\"exist\":false}"));
        api.on(V1 + "update", c -> json(200, "{\"file_id\":\"f1\",\"name\":\"new.mp4\",\"type\":\"file\"}"));
        Driver d = h.driver();
        assertEquals("new.mp4", d.move(file, Harness.folder("src"), Harness.folder("dst"), "new.mp4").name());
        assertEquals("refuse", api.calls(V1 + "move").get(0).json().get("check_name_mode").asText());
        assertEquals("refuse", api.calls(V1 + "update").get(0).json().get("check_name_mode").asText());

        api.on(V1 + "update", c -> error(400, "AlreadyExist.File"));
        assertEquals(Kind.ALREADY_EXISTS, assertThrows(DriveException.class, () -> d.move(file, Harness.folder("src"), Harness.folder("dst"), "taken.mp4")).kind());
        assertEquals("src", api.calls(V1 + "move").get(2).json().get("to_parent_file_id").asText(), "moved back");
    }

    @Test
    void copyWaitsForTheFolderTaskAndRenamesTheCopyToTheWantedName() {
        api.on(V1 + "copy", c -> json(200, "{\"file_id\":\"c1\",\"async_task_id\":\"t1\"}"));
        api.once(V1 + "async_task/get", c -> json(200, "{\"async_task_id\":\"t1\",\"state\":\"Running\"}"));
        api.on(V1 + "async_task/get", c -> json(200, "{\"async_task_id\":\"t1\",\"state\":\"Succeed\"}"));
        api.on(V1 + "get", c -> json(200, "{\"file_id\":\"c1\",\"name\":\"movie(1).mp4\",\"type\":\"file\"}"));
        api.on(V1 + "update", c -> json(200, "{\"file_id\":\"c1\",\"name\":\"copy.mp4\",\"type\":\"file\"}"));
        Entry copy = ((Copier) h.driver()).copy(file, Harness.folder("dst"), "copy.mp4");
        assertEquals("c1", copy.id());
        assertEquals("copy.mp4", copy.name());
        assertEquals(2, api.count(V1 + "async_task/get"));
        assertEquals(true, api.calls(V1 + "copy").get(0).json().get("auto_rename").asBoolean());
    }

    @Test
    void quotaComesFromGetSpaceInfo() {
        api.on("/adrive/v1.0/user/getSpaceInfo", c -> json(200, "{\"personal_space_info\":{\"used_size\":10,\"total_size\":100}}"));
        var q = ((QuotaReporter) h.driver()).quota();
        assertEquals(10, q.used());
        assertEquals(90, q.available());
    }

    @Test
    void internalUploadRewritesOnlyThePublicBeijingPrefix() {
        UploadUrlRewriter on = UploadUrlRewriter.forOption(true);
        assertEquals("http://ccp-bj29-bj-1592982087.oss-cn-beijing-internal.aliyuncs.com/x/y?sig=1",
                on.rewrite("https://cn-beijing-data.aliyundrive.net/x/y?sig=1"));
        assertEquals("https://other.example/x", on.rewrite("https://other.example/x"));
        assertEquals("https://cn-beijing-data.aliyundrive.net/x", UploadUrlRewriter.forOption(false).rewrite("https://cn-beijing-data.aliyundrive.net/x"));
    }

    @Test
    void partSizesKeepEveryFileUnderTenThousandParts() {
        PartSizer s = new PartSizer(PartSizer.DEFAULT_PART);
        assertEquals(20L << 20, s.partSize(1L << 30));
        assertEquals(52, PartSizer.partCount(1L << 30, s.partSize(1L << 30)), "1 GiB = 52 parts of 20 MiB");
        assertEquals(27_487_791L, s.partSize(200L << 30));
        long tib = 1L << 40;
        assertEquals(true, PartSizer.partCount(tib, s.partSize(tib)) <= PartSizer.MAX_PARTS);
        assertEquals(5L << 30, s.partSize(tib + 1));
        assertEquals(0, PartSizer.partCount(0, s.partSize(0)));
    }

    @Test
    void aPartSizeOverFiveGibIsRefusedAtStartWithOneLine() {
        var e = assertThrows(org.alidav.drive.DriverOptions.OptionException.class, () -> h.driver(Map.of("part_size", (5L << 30) + 1)));
        assertEquals("part_size", e.key());
        assertEquals("must be at most 5368709120 (5 GiB, the service's largest part)", e.getMessage());
        h.driver(Map.of("part_size", 5L << 30));
    }

    @Test
    void jwtPayloadsDecodeInEitherBase64Alphabet() {
        String std = java.util.Base64.getEncoder().encodeToString("{\"sub\":\"s?>\",\"exp\":5}".getBytes(StandardCharsets.UTF_8));
        String url = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"s?>\",\"exp\":5}".getBytes(StandardCharsets.UTF_8));
        assertEquals("s?>", Jwt.parse("h." + std + ".s").orElseThrow().sub());
        assertEquals(Instant.ofEpochSecond(5), Jwt.parse("h." + url + ".s").orElseThrow().exp());
        assertEquals(true, Jwt.parse("not-a-jwt").isEmpty());
    }
}
