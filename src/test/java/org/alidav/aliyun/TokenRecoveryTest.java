package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alidav.LongRunning;
import org.alidav.TestFiles;
import org.alidav.drive.DriveException;
import org.alidav.drive.Driver;
import org.alidav.drive.HealthReporter;
import org.alidav.drive.LoginRequired;
import org.alidav.sandbox.CallStats;
import org.alidav.sandbox.Fault;
import org.alidav.sandbox.FaultPlan.RefreshTrouble;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12 item 3 and issue 10 items 2 and 3 against the sandbox: transient refresh failures end by
 * themselves, final ones wait for a new token, and a token saved in the chain's file by another
 * process (a login, a user) is taken up without a restart.
 */
@LongRunning
class TokenRecoveryTest {
    private static final String OAUTH = "/oauth/access_token";
    private static final String RENEW = "/alicloud/renewapi";
    private static final String USER = "recovery";
    /** Short backoff, so that five failures take seconds, not minutes. */
    private static final Map<String, Object> FAST = Map.of("refresh_backoff", "50ms", "refresh_backoff_max", "500ms");
    /**
     * A short refresh timeout where refreshes are made to hang; only there, since on a busy machine
     * the first refresh of a cold sandbox can take seconds.
     */
    private static final Map<String, Object> SHORT_TIMEOUT = Map.of("refresh_timeout", "3s");

    @TempDir
    Path state;
    Path sandboxDir;
    SandboxServer sandbox;
    CallStats stats;
    final List<Driver> drivers = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        sandboxDir = Files.createTempDirectory("sandbox-recovery");
        sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(sandboxDir).build());
        stats = sandbox.stats();
    }

    @AfterEach
    void stop() throws IOException {
        drivers.forEach(Driver::close);
        sandbox.close();
        TestFiles.deleteTree(sandboxDir);
    }

    private Driver driver(String refreshToken, Map<String, Object> overrides) {
        Map<String, Object> o = new HashMap<>(FAST);
        o.putAll(overrides);
        Driver d = SandboxDrivers.driver(sandbox, state, refreshToken, o);
        drivers.add(d);
        return d;
    }

    private Path tokenFile(String refreshToken) {
        Map<String, Object> o = new HashMap<>(Map.of("refresh_token", refreshToken, "client_id", sandbox.clientId(),
                "client_secret", sandbox.clientSecret(), "api_base_url", sandbox.baseUrl()));
        return TokenFile.chainFile(state, AliyunOptions.read(new org.alidav.drive.DriverOptions(AliyunOptions.OPTIONS, o)));
    }

    /** What a login does: a new token of the account, saved in the chain's file. */
    private String saveNewLogin(Path file) throws IOException {
        String fresh = sandbox.issueRefreshToken(USER);
        TokenStore.write(file, new TokenState(null, fresh, null));
        return fresh;
    }

    private static long refreshes(CallStats stats) {
        return stats.count(OAUTH) + stats.count(RENEW);
    }

    @ParameterizedTest
    @EnumSource(RefreshTrouble.class)
    void afterFiveTransientFailuresTheStorageServesAgainWithoutRestart(RefreshTrouble trouble) throws Exception {
        Driver d = driver(sandbox.issueRefreshToken(USER), trouble == RefreshTrouble.TIMEOUT ? SHORT_TIMEOUT : Map.of());
        d.list(d.root());
        sandbox.faults().expireAccessTokens();
        stats.reset();
        Fault fault = sandbox.faults().failRefreshes(trouble, 5);

        int failures = 0;
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (hits(trouble, fault) < 5 && System.nanoTime() < until) {
            DriveException e = assertThrows(DriveException.class, () -> d.list(d.root()));
            assertFalse(e instanceof LoginRequired, "a transient failure is not final: " + e);
            failures++;
            Thread.sleep(50);
        }
        assertEquals(5, hits(trouble, fault), "the refresh endpoint was asked again after each backoff: " + stats);
        if (trouble == RefreshTrouble.TIMEOUT) fault.stall().drop();

        long ended = System.nanoTime();
        boolean served = false;
        while (!served && System.nanoTime() - ended < Duration.ofSeconds(30).toNanos()) {
            try {
                d.list(d.root());
                served = true;
            } catch (DriveException e) {
                assertFalse(e instanceof LoginRequired, e.toString());
                Thread.sleep(50);
            }
        }
        long ms = (System.nanoTime() - ended) / 1_000_000;
        System.out.printf("refresh trouble %s: %d failed calls, served again %d ms after the fault ended%n", trouble, failures, ms);
        assertTrue(served, trouble + ": the storage serves again within 30 s of the fault ending");
        assertEquals(HealthReporter.TokenState.OK, ((HealthReporter) d).tokenState());
    }

    private long hits(RefreshTrouble trouble, Fault fault) {
        if (trouble == RefreshTrouble.TIMEOUT) return fault.stall().held();
        return refreshes(stats); // no refresh gets through before the fault is used up
    }

    @Test
    void aDeadTokenIsFinalUntilANewTokenIsSavedAndThenServesWithoutRestart() throws Exception {
        String token = sandbox.issueRefreshToken(USER);
        Driver d = driver(token, Map.of());
        d.list(d.root());
        sandbox.faults().killRefreshTokens(USER);
        sandbox.faults().expireAccessTokens();
        stats.reset();

        LoginRequired e = assertThrows(LoginRequired.class, () -> d.list(d.root()));
        assertTrue(e.expired());
        for (int i = 0; i < 3; i++) assertThrows(LoginRequired.class, () -> d.list(d.root()));
        assertEquals(1, stats.count(OAUTH), "a dead token is asked about once: " + stats);
        assertEquals(HealthReporter.TokenState.DEAD, ((HealthReporter) d).tokenState());

        saveNewLogin(tokenFile(token));
        assertEquals(HealthReporter.TokenState.UNKNOWN, ((HealthReporter) d).tokenState(), "the health check sees the new token");
        d.list(d.root());
        assertEquals(HealthReporter.TokenState.OK, ((HealthReporter) d).tokenState());
    }

    @Test
    void withoutATokenTheStorageNeedsALoginAndServesOnceOneIsSaved() throws Exception {
        Driver d = driver("", Map.of());
        assertEquals(HealthReporter.TokenState.NEEDS_LOGIN, ((HealthReporter) d).tokenState());
        LoginRequired e = assertThrows(LoginRequired.class, () -> d.list(d.root()));
        assertFalse(e.expired());
        assertEquals("/", e.mount());
        assertEquals(0, stats.total(), "nothing is asked without a token: " + stats);

        saveNewLogin(tokenFile(""));
        d.list(d.root());
        assertEquals(HealthReporter.TokenState.OK, ((HealthReporter) d).tokenState());
    }

    @Test
    void aTokenSavedByAnotherProcessWhileHealthyIsAdoptedNotOverwritten() throws Exception {
        String token = sandbox.issueRefreshToken(USER);
        Driver d = driver(token, Map.of());
        d.list(d.root());
        Path file = tokenFile(token);
        String ours = Json.MAPPER.readTree(file.toFile()).get("refresh_token").asText();

        String login = saveNewLogin(file); // a second `alidav login` while the server runs
        sandbox.faults().expireAccessTokens();
        d.list(d.root());
        String now = Json.MAPPER.readTree(file.toFile()).get("refresh_token").asText();
        assertNotEquals(login, now, "the login's token was used (and rotated)");
        assertNotEquals(ours, now);

        // the chain this process held before the login was left alone: its token is still unused
        Driver other = SandboxDrivers.driver(sandbox, state.resolve("other"), ours, FAST);
        drivers.add(other);
        other.list(other.root());
    }

    @Test
    void aTvTokenIsRenewedAsATvTokenWithAlipanTypeAlipanTv() {
        Map<String, Object> online = Map.of("client_id", "", "client_secret", "", "api_url_address", sandbox.renewApiUrl(),
                "alipan_type", "alipanTV");
        Driver tv = driver(sandbox.issueTvRefreshToken(USER), online);
        tv.list(tv.root());
        assertEquals(1, stats.count(RENEW, 200), stats.toString());

        Map<String, Object> asQr = new HashMap<>(online);
        asQr.put("alipan_type", "default");
        Driver qr = driver(sandbox.issueTvRefreshToken(USER), asQr);
        assertInstanceOf(LoginRequired.class, assertThrows(DriveException.class, () -> qr.list(qr.root())),
                "the renew server refuses a TV token sent as a QR one");
    }
}
