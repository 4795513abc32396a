package org.alidav.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Access and refresh tokens. Refresh tokens rotate and are single use: each refresh hands out a new
 * one and retires the old. The access token issued with the retired refresh token keeps working for
 * a grace period only. State is persisted to {@code tokens.json} so a restarted sandbox accepts the
 * last rotated refresh token.
 */
final class TokenService {
    enum RefreshState { VALID, ROTATED, DEAD }

    record AccessGrant(String token, String userId, long expiresAtMillis) {
    }

    /** Which app a refresh token was issued to; the online renew server names it in {@code driver_txt}. */
    enum App {
        /** The Open Platform app of the QR login (and of the official endpoint): {@code alicloud_qr}. */
        QR("alicloud_qr"),
        /** The TV app: {@code alicloud_tv}, renewed only by the online renew server. */
        TV("alicloud_tv");

        final String driverTxt;

        App(String driverTxt) {
            this.driverTxt = driverTxt;
        }
    }

    /** @param app null in state written before apps were told apart: {@link App#QR} */
    record RefreshGrant(String token, String userId, RefreshState state, long expiresAtMillis, String accessToken, App app) {
        RefreshGrant withState(RefreshState s) {
            return new RefreshGrant(token, userId, s, expiresAtMillis, accessToken, app);
        }

        RefreshGrant withAccess(String issuedAccessToken) {
            return new RefreshGrant(token, userId, state, expiresAtMillis, issuedAccessToken, app);
        }

        App issuedTo() {
            return app == null ? App.QR : app;
        }
    }

    /** What a successful refresh returns. */
    record TokenPair(String accessToken, String refreshToken, long expiresInSeconds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Persisted(List<RefreshGrant> refresh, List<AccessGrant> access) {
    }

    /** Rotated tokens are kept only so reuse answers "already used"; the oldest are forgotten. */
    private static final int MAX_ROTATED_KEPT = 1000;

    private final Path file;
    private final SandboxOptions options;
    private final Clock clock;
    private final Map<String, AccessGrant> access = new LinkedHashMap<>();
    private final Map<String, RefreshGrant> refresh = new LinkedHashMap<>();

    TokenService(Path dataDir, SandboxOptions options) {
        this.file = dataDir.resolve("tokens.json");
        this.options = options;
        this.clock = options.clock();
        if (Files.exists(file)) {
            try {
                Persisted p = Json.MAPPER.readValue(file.toFile(), Persisted.class);
                p.refresh().forEach(g -> refresh.put(g.token(), g));
                p.access().forEach(g -> access.put(g.token(), g));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    synchronized String issueRefreshToken(String userId, App app) {
        String token = newRefreshToken(userId, userId, app);
        save();
        return token;
    }

    /** A new pair for a user who just logged in (the authorization-code grant). */
    synchronized TokenPair issuePair(String userId) {
        long expiresAt = clock.millis() + options.accessTokenLifetime().toMillis();
        String accessToken = Jwt.encode(claims(userId, "access", expiresAt));
        access.put(accessToken, new AccessGrant(accessToken, userId, expiresAt));
        String refreshToken = newRefreshToken(userId, userId, App.QR);
        refresh.put(refreshToken, refresh.get(refreshToken).withAccess(accessToken));
        save();
        return new TokenPair(accessToken, refreshToken, options.accessTokenLifetime().toSeconds());
    }

    /**
     * Rotates {@code refreshToken}. With {@code foreignSub} the answer's JWTs carry a different
     * {@code sub} (fault injection); the tokens still belong to the same account.
     */
    synchronized TokenPair refresh(String refreshToken, App app, boolean foreignSub) {
        RefreshGrant grant = refreshToken == null ? null : refresh.get(refreshToken);
        if (grant == null) {
            throw new ApiException(400, "RefreshTokenInvalid", "refresh token is invalid");
        }
        if (grant.issuedTo() != app) {
            throw new ApiException(400, "RefreshTokenInvalid", "refresh token was issued to " + grant.issuedTo().driverTxt
                    + ", not to " + app.driverTxt);
        }
        long now = clock.millis();
        if (grant.state() == RefreshState.ROTATED) {
            throw new ApiException(401, "RefreshTokenExpired", "refresh token has already been used");
        }
        if (grant.state() == RefreshState.DEAD || grant.expiresAtMillis() <= now) {
            throw new ApiException(401, "RefreshTokenExpired", "refresh token expired");
        }
        refresh.put(refreshToken, grant.withState(RefreshState.ROTATED));
        AccessGrant previous = grant.accessToken() == null ? null : access.get(grant.accessToken());
        if (previous != null) {
            long graceEnd = now + options.accessTokenGrace().toMillis();
            access.put(previous.token(), new AccessGrant(previous.token(), previous.userId(),
                    Math.min(previous.expiresAtMillis(), graceEnd)));
        }
        String sub = foreignSub ? Ids.hex(32) : grant.userId();
        long expiresAt = now + options.accessTokenLifetime().toMillis();
        String accessToken = Jwt.encode(claims(sub, "access", expiresAt));
        access.put(accessToken, new AccessGrant(accessToken, grant.userId(), expiresAt));
        String newRefresh = newRefreshToken(grant.userId(), sub, app);
        refresh.put(newRefresh, refresh.get(newRefresh).withAccess(accessToken));
        pruneExpiredAccess(now);
        pruneRotated();
        save();
        return new TokenPair(accessToken, newRefresh, options.accessTokenLifetime().toSeconds());
    }

    /** Returns the user id behind a bearer token or throws the 401 the real service answers. */
    synchronized String authenticate(String accessToken) {
        AccessGrant g = accessToken == null ? null : access.get(accessToken);
        if (g == null) {
            throw new ApiException(401, "AccessTokenInvalid", "AccessToken is invalid. ErrValidateTokenFailed");
        }
        if (g.expiresAtMillis() <= clock.millis()) {
            throw new ApiException(401, "AccessTokenExpired", "AccessToken is expired. ErrValidateTokenFailed");
        }
        return g.userId();
    }

    synchronized void expireAllAccessTokens() {
        long past = clock.millis() - 1;
        access.replaceAll((k, g) -> new AccessGrant(g.token(), g.userId(), Math.min(g.expiresAtMillis(), past)));
        save();
    }

    /** Marks a refresh token dead: the next refresh with it answers RefreshTokenExpired. */
    synchronized void kill(String refreshToken) {
        RefreshGrant g = refresh.get(refreshToken);
        if (g == null) {
            throw new IllegalArgumentException("unknown refresh token");
        }
        refresh.put(refreshToken, g.withState(RefreshState.DEAD));
        save();
    }

    /** Kills every still-valid refresh token of a user. */
    synchronized void killAll(String userId) {
        refresh.replaceAll((k, g) -> g.userId().equals(userId) && g.state() == RefreshState.VALID
                ? g.withState(RefreshState.DEAD) : g);
        save();
    }

    private String newRefreshToken(String userId, String sub, App app) {
        long expiresAt = clock.millis() + options.refreshTokenLifetime().toMillis();
        String token = Jwt.encode(claims(sub, "refresh", expiresAt));
        refresh.put(token, new RefreshGrant(token, userId, RefreshState.VALID, expiresAt, null, app));
        return token;
    }

    private Map<String, Object> claims(String sub, String use, long expiresAtMillis) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sub", sub);
        c.put("aud", options.clientId());
        c.put("iss", "sandbox.alidav");
        c.put("use", use);
        c.put("exp", expiresAtMillis / 1000);
        c.put("iat", clock.millis() / 1000);
        return c;
    }

    private void pruneExpiredAccess(long now) {
        long horizon = now - 86_400_000L; // keep a day of expired ones so they answer "Expired", not "Invalid"
        access.values().removeIf(g -> g.expiresAtMillis() < horizon);
    }

    private void pruneRotated() {
        long rotated = refresh.values().stream().filter(g -> g.state() == RefreshState.ROTATED).count();
        var it = refresh.values().iterator();
        while (rotated > MAX_ROTATED_KEPT && it.hasNext()) {
            if (it.next().state() == RefreshState.ROTATED) {
                it.remove();
                rotated--;
            }
        }
    }

    private void save() {
        AtomicFiles.writeJson(file, new Persisted(new ArrayList<>(refresh.values()), new ArrayList<>(access.values())));
    }
}
