package org.alidav.aliyun;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.alidav.aliyun.ApiModel.TokenAnswer;
import org.alidav.drive.DriveException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the token pair of one storage. Hands out an access token that is not about to expire, and
 * refreshes when it is or when the server rejected it, with one refresh at a time however many
 * callers notice (single flight). A rotated refresh token reaches the disk before its access token
 * is handed out. A refresh token the server declared dead is reported once, then every call fails
 * fast without touching the refresh endpoint again.
 */
final class TokenManager {
    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);
    /** After a transient refresh failure, callers fail fast for this long instead of piling on. */
    private static final Duration COOLDOWN = Duration.ofSeconds(10);

    private final String storageName;
    private final TokenStore store;
    private final TokenRefresher refresher;
    private final Clock clock;
    private final Duration margin;

    private volatile TokenState state;
    private volatile Instant accessExpiry;
    private volatile DriveException dead;
    private volatile boolean unsaved;
    private volatile Instant coolUntil = Instant.MIN;
    private DriveException lastFailure;

    TokenManager(String storageName, String configToken, TokenStore store, TokenRefresher refresher, Clock clock, Duration margin) {
        this.storageName = storageName;
        this.store = store;
        this.refresher = refresher;
        this.clock = clock;
        this.margin = margin;
        this.state = store.initial(configToken);
        this.accessExpiry = expiryOf(state.accessToken(), null);
    }

    /** A usable access token, refreshing first when there is none or it expires within the margin. */
    String accessToken() {
        DriveException d = dead;
        if (d != null) throw d;
        String token = state.accessToken();
        if (token != null && !unsaved && !expiringSoon()) return token;
        return refresh(null);
    }

    /** For the health endpoint: is there a usable token, and did the last refresh work. */
    org.alidav.drive.HealthReporter.TokenState tokenState() {
        if (dead != null) return org.alidav.drive.HealthReporter.TokenState.DEAD;
        if (clock.instant().isBefore(coolUntil)) return org.alidav.drive.HealthReporter.TokenState.FAILING;
        Instant exp = accessExpiry;
        if (state.accessToken() != null && exp != null && clock.instant().isBefore(exp)) return org.alidav.drive.HealthReporter.TokenState.OK;
        return org.alidav.drive.HealthReporter.TokenState.UNKNOWN;
    }

    /** The server refused {@code rejected}: refresh unless another caller already did. */
    String rejected(String rejected) {
        return refresh(rejected);
    }

    /** Refreshes unless the current token is fresh and not the one the server just {@code rejected}. */
    private synchronized String refresh(String rejected) {
        if (dead != null) throw dead;
        if (unsaved) persist(state);
        String current = state.accessToken();
        if (current != null && !Objects.equals(current, rejected) && !expiringSoon()) return current;
        if (clock.instant().isBefore(coolUntil)) throw lastFailure;
        TokenAnswer answer;
        try {
            answer = refresher.refresh(state.refreshToken());
        } catch (RefreshFailure f) {
            if (f.dead) throw die(f.getMessage());
            Duration wait = f.retryAfter != null ? f.retryAfter : COOLDOWN;
            coolUntil = clock.instant().plus(wait);
            lastFailure = DriveException.unavailable("AliyunDrive token refresh failed: " + f.getMessage(), wait, null);
            LOG.warn("storage {}: token refresh through {} failed, retrying after {}: {}", storageName, refresher.description(), wait, f.getMessage());
            throw lastFailure;
        }
        String oldSub = Jwt.parse(state.refreshToken()).map(Jwt::sub).orElse(null);
        String newSub = Jwt.parse(answer.refreshToken()).map(Jwt::sub).orElse(null);
        if (oldSub != null && !oldSub.equals(newSub)) {
            throw die("the refreshed token belongs to another user (JWT sub differs); it was discarded");
        }
        TokenState next = new TokenState(state.origin(), answer.refreshToken(), answer.accessToken());
        state = next;
        accessExpiry = expiryOf(next.accessToken(), answer.expiresIn());
        unsaved = true;
        persist(next);
        LOG.info("storage {}: access token refreshed through {}", storageName, refresher.description());
        return next.accessToken();
    }

    /** Writes the state; until that succeeds no access token of it is handed out. */
    private void persist(TokenState s) {
        try {
            store.save(s);
            unsaved = false;
        } catch (IOException e) {
            LOG.error("storage {}: cannot write {} ({}); the rotated refresh token is only in memory, retrying on the next call",
                    storageName, store.file(), e.toString());
            throw DriveException.unavailable("cannot persist the rotated refresh token", Duration.ofSeconds(5), e);
        }
    }

    private DriveException die(String why) {
        dead = DriveException.unavailable("AliyunDrive refresh token is no longer valid; log in again with: alidav login --mount "
                + storageName, null, null);
        LOG.error("storage {}: the AliyunDrive refresh token was refused ({}). Log in again with: java -jar alidav.jar login --mount {} "
                + "(see docs/getting-started.md); until then this storage answers 503.", storageName, why, storageName);
        return dead;
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
