package org.alidav.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.alidav.aliyun.OpenPlatformApp;
import org.alidav.login.LoginStatus.Phase;
import org.alidav.sandbox.Fault;
import org.alidav.sandbox.SandboxClock;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One login attempt against the sandbox over loopback HTTP, with the sandbox's clock moved by hand. */
class LoginAttemptTest {
    @TempDir
    Path dir;

    private final SandboxClock clock = new SandboxClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final List<LoginResult> saved = new ArrayList<>();
    private SandboxServer sandbox;
    private SandboxPhone phone;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir).clock(clock).build());
        phone = new SandboxPhone(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private LoginAttempt attempt(OpenPlatformApp app, Clock localClock, LoginAttempt.Sleeper sleeper) {
        return new LoginAttempt(new LoginClient(app), saved::add, localClock, sleeper);
    }

    private LoginAttempt attempt() {
        return attempt(Sandboxes.app(sandbox), clock, d -> clock.advance(d));
    }

    @Test
    void anApprovedLoginIsExchangedLookedUpAndSavedBeforeItReportsDone() throws Exception {
        LoginAttempt attempt = attempt();
        LoginStatus first = attempt.start();
        assertEquals(Phase.WAITING, first.phase());
        assertEquals(sandbox.authorizePage(first.ticket().sid()), first.ticket().link());
        assertEquals(Phase.WAITING, attempt.poll().phase());

        assertEquals(204, phone.scan(first.ticket().sid()));
        assertEquals(Phase.SCANNED, attempt.poll().phase());
        assertEquals(204, phone.confirm(first.ticket().sid()));
        LoginStatus done = attempt.poll();

        assertEquals(Phase.DONE, done.phase(), done.message());
        assertEquals(List.of(done.result()), saved);
        var user = sandbox.defaultUser();
        assertEquals(user.userId(), done.result().account().userId());
        assertEquals(user.nickName(), done.result().account().name());
        assertEquals(Set.of("default", "resource", "backup"), done.result().account().driveIds().keySet());
        assertEquals(user.resourceDriveId(), done.result().account().driveIds().get("resource"));
        assertFalse(done.result().toString().contains(done.result().refreshToken()), "no token in toString");
        assertEquals(Phase.DONE, attempt.poll().phase(), "a finished attempt stays finished");
        assertTrue(attempt.cancel(), "a cancel after the save says the login stands");
        assertEquals(Phase.DONE, attempt.poll().phase());
        assertEquals(1, saved.size());
    }

    @Test
    void expiredCodesAreReplacedThreeTimesThenTheAttemptGivesUp() throws Exception {
        sandbox.qrLogins().setCodeLife(Duration.ofSeconds(30));
        // every wait moves the sandbox past the code's life: each poll finds the code expired
        LoginAttempt attempt = attempt(Sandboxes.app(sandbox), clock, d -> clock.advance(Duration.ofSeconds(31)));
        List<LoginStatus> seen = new ArrayList<>();

        LoginStatus end = attempt.run(seen::add);

        assertEquals(Phase.FAILED, end.phase());
        assertEquals(LoginException.Reason.CODES_EXPIRED, end.failure());
        assertEquals(4, sandbox.qrLogins().issued(), "the first code and three fresh ones");
        assertEquals(List.of(Phase.WAITING, Phase.EXPIRED, Phase.EXPIRED, Phase.EXPIRED, Phase.FAILED),
                seen.stream().map(LoginStatus::phase).toList());
        assertEquals(4, seen.stream().map(s -> s.ticket().sid()).collect(Collectors.toSet()).size(), "a new sid each time");
        assertTrue(saved.isEmpty());
    }

    @Test
    void expiryAnsweredAsAnErrorReadsAsExpiryToo() {
        sandbox.qrLogins().answerExpiryAsError(true);
        sandbox.qrLogins().setCodeLife(Duration.ofSeconds(30));
        LoginAttempt attempt = attempt();
        String firstSid = attempt.start().ticket().sid();
        clock.advance(Duration.ofSeconds(31));

        LoginStatus next = attempt.poll();

        assertEquals(Phase.EXPIRED, next.phase(), next.message());
        assertNotEquals(firstSid, next.ticket().sid());
        assertEquals(1, next.freshCodes());
    }

    @Test
    void aCodeTheServiceNeverExpiresIsReplacedAfterItsLocalLife() {
        // the sandbox keeps the code alive far longer than the attempt's own deadline
        sandbox.qrLogins().setCodeLife(Duration.ofHours(1));
        LoginAttempt attempt = attempt();
        attempt.start();
        clock.advance(LoginAttempt.CODE_LIFE.plusSeconds(1));
        assertEquals(Phase.EXPIRED, attempt.poll().phase());
    }

    @Test
    void aWrongSecretFailsAtOnceWithAnAppProblemAndNoSecretInTheMessage() {
        OpenPlatformApp app = Sandboxes.app(sandbox);
        OpenPlatformApp wrong = new OpenPlatformApp(app.apiBaseUrl(), app.clientId(), "not-the-secret-42", app.userAgent());

        LoginStatus status = attempt(wrong, clock, d -> { }).start();

        assertEquals(Phase.FAILED, status.phase());
        assertEquals(LoginException.Reason.APP_REJECTED, status.failure());
        assertTrue(status.message().contains("InvalidClientSecret"), status.message());
        assertTrue(status.message().contains("client_secret"), status.message());
        assertFalse(status.message().contains("not-the-secret-42"), status.message());
        assertFalse(status.message().contains("\n"));
    }

    @Test
    void noServiceAtTheAddressIsUnreachable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        OpenPlatformApp app = Sandboxes.app(sandbox);
        OpenPlatformApp nowhere = new OpenPlatformApp("http://127.0.0.1:" + closed, app.clientId(), app.clientSecret(), app.userAgent());

        LoginStatus status = attempt(nowhere, clock, d -> { }).start();

        assertEquals(Phase.FAILED, status.phase());
        assertEquals(LoginException.Reason.UNREACHABLE, status.failure());
        assertTrue(status.message().startsWith("cannot reach 127.0.0.1"), status.message());
    }

    @Test
    void failedStatusCallsAreRiddenOutUntilFiveInARow() throws Exception {
        LoginAttempt attempt = attempt();
        String sid = attempt.start().ticket().sid();
        String status = "/oauth/qrcode/" + sid + "/status";
        sandbox.faults().inject(Fault.html(status, 503).times(LoginAttempt.STATUS_ERRORS - 1));
        for (int i = 1; i < LoginAttempt.STATUS_ERRORS; i++) assertEquals(Phase.WAITING, attempt.poll().phase());
        phone.scan(sid);
        assertEquals(Phase.SCANNED, attempt.poll().phase(), "a success resets the count");

        sandbox.faults().inject(Fault.html(status, 503).times(LoginAttempt.STATUS_ERRORS));
        for (int i = 1; i < LoginAttempt.STATUS_ERRORS; i++) assertEquals(Phase.SCANNED, attempt.poll().phase());
        LoginStatus end = attempt.poll();

        assertEquals(Phase.FAILED, end.phase());
        assertEquals(LoginException.Reason.SERVICE_ERROR, end.failure());
        assertTrue(end.message().contains("answered 503"), end.message());
    }

    @Test
    void anExchangeThatYieldsNoRefreshTokenFailsAndSavesNothing() throws Exception {
        // what a PKCE-only app would get (docs/open-api.md, QR-code login): tokens that cannot be renewed
        sandbox.faults().inject(Fault.emptyObject("/oauth/access_token"));
        LoginAttempt attempt = attempt();
        phone.confirm(attempt.start().ticket().sid());

        LoginStatus end = attempt.poll();

        assertEquals(Phase.FAILED, end.phase());
        assertEquals(LoginException.Reason.BAD_ANSWER, end.failure());
        assertTrue(end.message().contains("issued no refresh token"), end.message());
        assertTrue(saved.isEmpty());
    }

    @Test
    void cancelledAfterTheUserConfirmedSavesNothing() throws Exception {
        LoginAttempt attempt = attempt();
        String sid = attempt.start().ticket().sid();
        phone.confirm(sid);

        attempt.cancel();
        LoginStatus status = attempt.poll();

        assertEquals(Phase.CANCELLED, status.phase());
        assertNull(status.result());
        assertTrue(saved.isEmpty());
    }

    @Test
    void cancelledBeforeItStartedAsksForNoCode() {
        LoginAttempt attempt = attempt();
        assertFalse(attempt.cancel(), "nothing was saved");

        assertEquals(Phase.CANCELLED, attempt.start().phase());
        assertEquals(0, sandbox.qrLogins().issued());
    }
}
