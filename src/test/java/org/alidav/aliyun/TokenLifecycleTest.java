package org.alidav.aliyun;

import static org.alidav.aliyun.ScriptedApi.error;
import static org.alidav.aliyun.ScriptedApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alidav.drive.DriveException;
import org.alidav.drive.Driver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated("one test swaps System.err for the whole process and counts a log line in it")
class TokenLifecycleTest {
    private static final String LIST = "/adrive/v1.0/openFile/list";
    private static final String OAUTH = "/oauth/access_token";
    @TempDir
    Path state;
    ScriptedApi api;
    Harness h;

    @BeforeEach
    void setUp() throws Exception {
        api = new ScriptedApi();
        api.on(LIST, c -> json(200, Harness.listPage("")));
        h = new Harness(api, state);
    }

    @AfterEach
    void tearDown() throws Exception {
        api.close();
    }

    @Test
    void refreshesWhenTheJwtExpiresWithinTheMargin() {
        api.accessLifetimeSec = 3600;
        Driver d = h.driver();
        d.list(Harness.folder("root"));
        d.list(Harness.folder("root"));
        assertEquals(1, api.count(OAUTH), "a fresh token is reused");
        h.clock.advance(Duration.ofMinutes(56)); // 4 minutes left, inside the 5-minute margin
        d.list(Harness.folder("root"));
        assertEquals(2, api.count(OAUTH));
        List<ScriptedApi.Call> lists = api.calls(LIST);
        assertNotEquals(lists.get(1).token(), lists.get(2).token());
    }

    @Test
    void rejectedTokenIsRefreshedAndTheCallRetriedExactlyOnce() {
        Driver d = h.driver();
        d.list(Harness.folder("root"));
        api.once(LIST, c -> error(401, "AccessTokenExpired"));
        d.list(Harness.folder("root"));
        assertEquals(2, api.count(OAUTH));
        assertEquals(3, api.count(LIST));
        assertEquals(api.calls(LIST).get(2).json().get("parent_file_id").asText(), "root", "the same call is sent again");

        api.once(LIST, c -> error(401, "AccessTokenInvalid")).once(LIST, c -> error(401, "AccessTokenInvalid"));
        assertThrows(DriveException.class, () -> d.list(Harness.folder("root")));
        assertEquals(5, api.count(LIST), "one retry, no more");
        assertEquals(3, api.count(OAUTH));
    }

    @Test
    void tenConcurrentCallersShareOneRefresh() throws Exception {
        api.on(OAUTH, c -> {
            sleep(200);
            return json(200, api.tokenAnswer());
        });
        Driver d = h.driver();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 10; i++) done.add(pool.submit(() -> {
            start.await();
            return d.list(Harness.folder("root"));
        }));
        start.countDown();
        for (Future<?> f : done) f.get();
        pool.shutdown();
        assertEquals(1, api.count(OAUTH));
        assertEquals(10, api.count(LIST));
    }

    @Test
    void rotatedTokenIsOnDiskBeforeItsAccessTokenIsUsedAndWinsOnRestart() throws Exception {
        Path file = h.tokenFile(Map.of());
        List<Boolean> persistedFirst = new ArrayList<>();
        api.on(LIST, c -> {
            persistedFirst.add(read(file).contains(c.token()));
            return json(200, Harness.listPage(""));
        });
        h.driver().list(Harness.folder("root"));
        assertEquals(List.of(true), persistedFirst);
        String rotated = Json.MAPPER.readTree(read(file)).get("refresh_token").asText();
        assertEquals(Harness.CONFIG_TOKEN, api.calls(OAUTH).get(0).json().get("refresh_token").asText());

        // restart with the same config: the stored access token is still valid, and the next refresh uses the rotated token
        Driver again = h.driver();
        again.list(Harness.folder("root"));
        assertEquals(1, api.count(OAUTH), "the stored access token is reused after a restart");
        api.once(LIST, c -> error(401, "AccessTokenExpired"));
        again.list(Harness.folder("root"));
        assertEquals(rotated, api.calls(OAUTH).get(1).json().get("refresh_token").asText());
        assertFalse(read(file).contains(Harness.CONFIG_TOKEN));
    }

    @Test
    void aTokenTheUserChangedInTheConfigBeatsTheStateFile() throws Exception {
        h.driver().list(Harness.folder("root"));
        String pasted = TestTokens.jwt("u1", TestTokens.NOW.getEpochSecond() + 999_999, "pasted");
        Driver d = h.driver(Map.of("refresh_token", pasted));
        d.list(Harness.folder("root"));
        assertEquals(pasted, api.calls(OAUTH).get(1).json().get("refresh_token").asText());
    }

    @Test
    void aRefreshedTokenOfAnotherUserIsRejected() throws Exception {
        api.sub = "intruder";
        Driver d = h.driver();
        DriveException e = assertThrows(DriveException.class, () -> d.list(Harness.folder("root")));
        assertEquals(DriveException.Kind.NOT_LOGGED_IN, e.kind());
        assertEquals(0, api.count(LIST));
        assertFalse(Files.exists(h.tokenFile(Map.of())));
    }

    @Test
    void aDeadRefreshTokenFailsFastAndIsLoggedOnceWithoutTheToken() {
        api.on(OAUTH, c -> error(400, "RefreshTokenExpired"));
        Driver d = h.driver();
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true));
        try {
            for (int i = 0; i < 5; i++) {
                DriveException e = assertThrows(DriveException.class, () -> d.list(Harness.folder("root")));
                assertEquals(DriveException.Kind.NOT_LOGGED_IN, e.kind());
                assertEquals("test", ((org.alidav.drive.LoginRequired) e).mount(), "the 503 body names the command for this mount");
            }
        } finally {
            System.setErr(err);
        }
        assertEquals(1, api.count(OAUTH), "the refresh endpoint is not hammered");
        String text = log.toString();
        assertEquals(1, text.split("Log in again with: java -jar alidav.jar login --mount test ", -1).length - 1, text);
        assertFalse(text.contains(Harness.CONFIG_TOKEN));
    }

    @Test
    void theOnlineRenewServerIsAskedWhenNoAppIsConfigured() {
        api.on("/renewapi", c -> json(200, api.tokenAnswer()));
        Map<String, Object> o = new java.util.HashMap<>();
        o.put("client_id", "");
        o.put("client_secret", "");
        o.put("api_url_address", api.url("/renewapi"));
        h.driver(o).list(Harness.folder("root"));
        ScriptedApi.Call renew = api.calls("/renewapi").get(0);
        assertEquals("GET", renew.method());
        assertEquals(Harness.CONFIG_TOKEN, renew.url().queryParameter("refresh_ui"));
        assertEquals("true", renew.url().queryParameter("server_use"));
        assertEquals("alicloud_qr", renew.url().queryParameter("driver_txt"));
        assertEquals(null, renew.headers().get("Authorization"));
        assertEquals(0, api.count(OAUTH));
        assertEquals("u1", Jwt.parse(api.calls(LIST).get(0).token()).orElseThrow().sub());
        assertEquals(1, api.issued.get());
    }

    @Test
    void withoutAppOrOnlineApiThereIsNoWayToRefresh() {
        Map<String, Object> o = new java.util.HashMap<>();
        o.put("client_id", "");
        o.put("client_secret", "");
        o.put("use_online_api", false);
        var e = assertThrows(org.alidav.drive.DriverOptions.OptionException.class, () -> h.driver(o));
        assertEquals("client_id", e.key());
    }

    @Test
    void tvTokensNeedTheOnlineApiAndTheBackoffItsBoundsInOrder() {
        var tv = assertThrows(org.alidav.drive.DriverOptions.OptionException.class, () -> h.driver(Map.of("alipan_type", "alipanTV")));
        assertEquals("alipan_type", tv.key(), "an own app cannot renew a TV token");
        var backoff = assertThrows(org.alidav.drive.DriverOptions.OptionException.class,
                () -> h.driver(Map.of("refresh_backoff", "10s", "refresh_backoff_max", "1s")));
        assertEquals("refresh_backoff_max", backoff.key());
        var type = assertThrows(org.alidav.drive.DriverOptions.OptionException.class, () -> h.driver(Map.of("alipan_type", "tv")));
        assertEquals("alipan_type", type.key());
    }

    @Test
    void storagesOfOneAccountShareOneChainAndMayNotConfigureTwoTokens() {
        Driver a = h.driver(Map.of("account", "me"));
        Driver b = h.driver(Map.of("account", "me", "refresh_token", ""));
        a.list(Harness.folder("root"));
        b.list(Harness.folder("root"));
        assertEquals(1, api.count(OAUTH), "the second storage uses the chain's token, no refresh of its own");
        String other = TestTokens.jwt("u1", TestTokens.NOW.getEpochSecond() + 999_999, "other");
        var e = assertThrows(org.alidav.drive.DriverOptions.OptionException.class, () -> h.driver(Map.of("account", "me", "refresh_token", other)));
        assertEquals("refresh_token", e.key());
    }

    @Test
    void theTokenAnEarlierVersionKeptPerStorageIsTakenOverOnce() throws Exception {
        String rotated = TestTokens.jwt("u1", TestTokens.NOW.getEpochSecond() + 999_999, "rotated-by-an-earlier-version");
        TokenStore.write(state.resolve("aliyundrive-open-token.json"), new TokenState(TokenStore.fingerprint(Harness.CONFIG_TOKEN), rotated, null));
        h.driver().list(Harness.folder("root"));
        assertEquals(rotated, api.calls(OAUTH).get(0).json().get("refresh_token").asText(), "not the consumed config token");
        assertTrue(Files.exists(h.tokenFile(Map.of())), "kept in the chain's file from now on");
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
