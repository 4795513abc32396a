package org.alidav.aliyun;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.alidav.aliyun.ApiModel.TokenAnswer;
import org.alidav.drive.DriveException;
import org.alidav.drive.HealthReporter;
import org.alidav.drive.LoginRequired;
import org.alidav.drive.remote.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one token chain: the token pair of one account at one app, shared by every storage of it
 * ({@link TokenChains}). Hands out an access token that is not about to expire, and refreshes when it
 * is or when the server rejected it, with one refresh at a time however many callers notice (single
 * flight). A rotated refresh token reaches the disk before its access token is handed out.
 *
 * <p>Failures: a transient one (see {@link RefreshFailure.Verdict}) makes callers fail fast for a
 * backoff that grows with each failure in a row, then the next call tries again, and the first
 * success ends it. A final one (a dead token, a refused app) is logged once; from then on calls fail
 * fast without touching the refresh endpoint.
 *
 * <p>The token file is the meeting point with other processes. Before each call hands out a token,
 * and when the health is asked, one {@code stat} tells whether someone else saved a token since this
 * process last read or wrote the file ({@code alidav login}, the {@code /-/login} page, a user who
 * replaced it). Such a token is adopted at once, never overwritten: it revives a chain that needed a
 * login or whose token died, and replaces a healthy chain's token (the user logged in again).
 */
final class TokenManager {
    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);

    private final TokenStore store;
    private final TokenRefresher refresher;
    private final Clock clock;
    private final Duration margin;
    private final Backoff backoff;
    private final List<String> mounts = new CopyOnWriteArrayList<>();

    /** Null until there is a token: the chain needs a login. */
    private volatile TokenState state;
    private volatile Instant accessExpiry;
    private volatile RefreshFailure dead;
    private volatile boolean unsaved;
    private volatile Instant coolUntil = Instant.MIN;
    private int failuresInARow;
    private DriveException lastFailure;

    /**
     * @param backoff the wait after the first transient failure, doubling with each one in a row up to its max
     */
    TokenManager(String configToken, TokenStore store, TokenRefresher refresher, Clock clock, Duration margin, Backoff backoff) {
        this.store = store;
        this.refresher = refresher;
        this.clock = clock;
        this.margin = margin;
        this.backoff = backoff;
        store.initial(configToken).ifPresent(this::use);
    }

    /** A storage joins the chain; {@code configToken} starts it when the chain has no token yet. */
    synchronized void join(String mount, String configToken) {
        mounts.add(mount);
        if (state == null && configToken != null && !configToken.isBlank()) store.initial(configToken).ifPresent(this::use);
    }

    /** A storage leaves; answers whether any is left. */
    boolean leave(String mount) {
        mounts.remove(mount);
        return !mounts.isEmpty();
    }

    /** A usable access token, refreshing first when there is none or it expires within the margin. */
    String accessToken() {
        if (store.changedOnDisk()) adoptSaved();
        RefreshFailure d = dead;
        if (d != null) throw failFast(d);
        TokenState s = state;
        if (s == null) throw notLoggedIn();
        if (s.accessToken() != null && !unsaved && !expiringSoon()) return s.accessToken();
        return refresh(null);
    }

    /** The server refused {@code rejected}: refresh unless another caller already did. */
    String rejected(String rejected) {
        return refresh(rejected);
    }

    /** For the health endpoint: is there a usable token, and did the last refresh work. */
    HealthReporter.TokenState tokenState() {
        if (store.changedOnDisk()) adoptSaved();
        if (state == null) return HealthReporter.TokenState.NEEDS_LOGIN;
        if (dead != null) return HealthReporter.TokenState.DEAD;
        if (clock.instant().isBefore(coolUntil)) return HealthReporter.TokenState.FAILING;
        Instant exp = accessExpiry;
        if (state.accessToken() != null && exp != null && clock.instant().isBefore(exp)) return HealthReporter.TokenState.OK;
        return HealthReporter.TokenState.UNKNOWN;
    }

    /** Refreshes unless the current token is fresh and not the one the server just {@code rejected}. */
    private synchronized String refresh(String rejected) {
        if (store.changedOnDisk()) adoptSaved();
        if (dead != null) throw failFast(dead);
        if (state == null) throw notLoggedIn();
        if (unsaved) persist(state);
        String current = state.accessToken();
        if (current != null && !Objects.equals(current, rejected) && !expiringSoon()) return current;
        if (clock.instant().isBefore(coolUntil)) throw lastFailure;
        TokenAnswer answer;
        try {
            answer = refresher.refresh(state.refreshToken());
        } catch (RefreshFailure f) {
            if (f.verdict != RefreshFailure.Verdict.TRANSIENT) throw die(f);
            throw backOff(f);
        }
        String oldSub = Jwt.parse(state.refreshToken()).map(Jwt::sub).orElse(null);
        String newSub = Jwt.parse(answer.refreshToken()).map(Jwt::sub).orElse(null);
        if (oldSub != null && !oldSub.equals(newSub)) {
            throw die(new RefreshFailure(RefreshFailure.Verdict.TOKEN_DEAD,
                    "the refreshed token belongs to another user (JWT sub differs); it was discarded", null));
        }
        TokenState next = new TokenState(state.origin(), answer.refreshToken(), answer.accessToken());
        state = next;
        accessExpiry = expiryOf(next.accessToken(), answer.expiresIn());
        unsaved = true;
        persist(next);
        if (failuresInARow > 0) LOG.info("storage {}: token refresh works again after {} failures", names(), failuresInARow);
        failuresInARow = 0;
        coolUntil = Instant.MIN;
        LOG.info("storage {}: access token refreshed through {}", names(), refresher.description());
        return next.accessToken();
    }

    private DriveException backOff(RefreshFailure f) {
        failuresInARow++;
        Duration wait = f.retryAfter != null ? f.retryAfter : backoff.delay(failuresInARow);
        coolUntil = clock.instant().plus(wait);
        lastFailure = DriveException.unavailable("AliyunDrive token refresh failed: " + f.getMessage(), wait, null);
        LOG.warn("storage {}: token refresh through {} failed ({} in a row), retrying after {}: {}", names(), refresher.description(),
                failuresInARow, wait, f.getMessage());
        return lastFailure;
    }

    /** Takes the token another process saved, if it differs from the one in use. */
    private synchronized void adoptSaved() {
        if (!store.changedOnDisk()) return;
        Optional<TokenState> saved = store.load();
        if (saved.isEmpty() || state != null && saved.get().refreshToken().equals(state.refreshToken())) return;
        boolean revived = state == null || dead != null;
        use(saved.get());
        LOG.info("storage {}: {} the token saved in {} by another process", names(), revived ? "logged in again with" : "switched to",
                store.file());
    }

    private void use(TokenState s) {
        state = s;
        accessExpiry = expiryOf(s.accessToken(), null);
        dead = null;
        unsaved = false;
        failuresInARow = 0;
        coolUntil = Instant.MIN;
    }

    /** Writes the state; until that succeeds no access token of it is handed out. */
    private void persist(TokenState s) {
        try {
            store.save(s);
            unsaved = false;
        } catch (IOException e) {
            LOG.error("storage {}: cannot write {} ({}); the rotated refresh token is only in memory, retrying on the next call",
                    names(), store.file(), e.toString());
            throw DriveException.unavailable("cannot persist the rotated refresh token", Duration.ofSeconds(5), e);
        }
    }

    private DriveException die(RefreshFailure f) {
        dead = f;
        if (f.verdict == RefreshFailure.Verdict.APP_REFUSED) {
            LOG.error("storage {}: AliyunDrive refused this app ({}). Check client_id and client_secret of the storage and restart; "
                    + "until then it answers 503.", names(), f.getMessage());
        } else {
            LOG.error("storage {}: the AliyunDrive refresh token was refused ({}). Log in again with: java -jar alidav.jar login --mount {} "
                    + "(see docs/getting-started.md) or on the page /-/login of this server; until then it answers 503, and it "
                    + "serves again as soon as the new token is saved, without a restart.", names(), f.getMessage(),
                    mounts.isEmpty() ? "<mount>" : mounts.get(0));
        }
        return failFast(f);
    }

    /** What every call gets after a final failure: a login helps a dead token, only the config a refused app. */
    private static DriveException failFast(RefreshFailure f) {
        if (f.verdict == RefreshFailure.Verdict.APP_REFUSED) {
            return DriveException.unavailable("AliyunDrive refused the app's client_id/client_secret: " + f.getMessage(), null, null);
        }
        return new LoginRequired(null, true, "AliyunDrive refused the token: " + f.getMessage());
    }

    private static LoginRequired notLoggedIn() {
        return new LoginRequired(null, false, "no AliyunDrive token: not logged in yet");
    }

    private String names() {
        return String.join(", ", mounts);
    }

    private boolean expiringSoon() {
        Instant exp = accessExpiry;
        return exp != null && !clock.instant().plus(margin).isBefore(exp);
    }

    private Instant expiryOf(String accessToken, Long expiresIn) {
        Instant exp = Jwt.parse(accessToken).map(Jwt::exp).orElse(null);
        if (exp == null && expiresIn != null && expiresIn > 0) exp = clock.instant().plusSeconds(expiresIn);
        return exp;
    }
}
