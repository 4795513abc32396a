package org.alidav.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults a test switches on at run time. One-shot faults are consumed by the calls they hit.
 * Endpoint arguments are API paths such as {@code /adrive/v1.0/openFile/create}
 * ({@link SandboxServer#API_PREFIX} + "openFile/create").
 */
public final class FaultPlan {
    /** How an injected API failure answers. */
    public enum Failure {
        /** 429 JSON TooManyRequests with {@code x-retry-after}. */
        TOO_MANY_REQUESTS,
        /** 500 JSON InternalError. */
        INTERNAL_ERROR,
        /** 502 {@code text/plain} "Bad Gateway" — not JSON, as a gateway answers. */
        BAD_GATEWAY
    }

    /** A failure picked for one call. */
    record Injected(Failure failure, long retryAfterMillis) {
    }

    private static final class Rule {
        int remaining;
        final String endpoint;
        final Failure failure;
        final long retryAfterMillis;

        Rule(int remaining, String endpoint, Failure failure, long retryAfterMillis) {
            this.remaining = remaining;
            this.endpoint = endpoint;
            this.failure = failure;
            this.retryAfterMillis = retryAfterMillis;
        }
    }

    private final TokenService tokens;
    private final UrlSigner signer;
    private final UserDirectory users;
    private final List<Rule> rules = new ArrayList<>();
    private final List<String> drops = new ArrayList<>();
    private final Set<String> frozenUserIds = ConcurrentHashMap.newKeySet();
    private int failingPartUploads;
    private final List<Long> downloadBreaks = new ArrayList<>();
    private int foreignSubRefreshes;
    private boolean videoPreviewOverCapacity;

    FaultPlan(TokenService tokens, UrlSigner signer, UserDirectory users) {
        this.tokens = tokens;
        this.signer = signer;
        this.users = users;
    }

    /** Every access token issued so far answers 401 AccessTokenExpired from now on. */
    public void expireAccessTokens() {
        tokens.expireAllAccessTokens();
    }

    /** Every download and upload URL issued so far answers 403 "Request has expired." from now on. */
    public void expireUrls() {
        signer.expireAll();
    }

    /** The next {@code n} API calls (any endpoint) fail. */
    public void failNext(int n, Failure failure) {
        failNext(n, null, failure, 1000);
    }

    /** The next {@code n} calls of {@code endpoint} (null = any) fail. */
    public void failNext(int n, String endpoint, Failure failure) {
        failNext(n, endpoint, failure, 1000);
    }

    /** As above; {@code retryAfterMillis} is the {@code x-retry-after} value for TOO_MANY_REQUESTS. */
    public synchronized void failNext(int n, String endpoint, Failure failure, long retryAfterMillis) {
        rules.add(new Rule(n, endpoint, failure, retryAfterMillis));
    }

    /**
     * The next call of {@code endpoint} is applied (e.g. the folder is created, the copy made) and then
     * the connection is closed without a response.
     */
    public synchronized void dropConnectionAfterNext(String endpoint) {
        drops.add(endpoint);
    }

    /** The next {@code n} part PUTs answer 500 and store nothing. */
    public synchronized void failNextPartUploads(int n) {
        failingPartUploads += n;
    }

    /** The next object download sends {@code bytes} body bytes and then closes the connection. */
    public synchronized void breakNextDownloadAfter(long bytes) {
        downloadBreaks.add(bytes);
    }

    /** The next token refresh answers tokens whose JWT {@code sub} differs from the account's. */
    public synchronized void foreignSubOnNextRefresh() {
        foreignSubRefreshes++;
    }

    /** The refresh token becomes unusable: refreshing with it answers 401 RefreshTokenExpired. */
    public void killRefreshToken(String refreshToken) {
        tokens.kill(refreshToken);
    }

    /** Every valid refresh token of the user becomes unusable. */
    public void killRefreshTokens(String userName) {
        tokens.killAll(user(userName).userId());
    }

    /** Every API call of the user answers 403 UserNotAllowedAccessResource until unfrozen. */
    public void freezeAccount(String userName) {
        frozenUserIds.add(user(userName).userId());
    }

    public void unfreezeAccount(String userName) {
        frozenUserIds.remove(user(userName).userId());
    }

    /** getVideoPreviewPlayInfo answers 400 ExceedCapacityForbidden while on. */
    public synchronized void videoPreviewOverCapacity(boolean on) {
        videoPreviewOverCapacity = on;
    }

    /** Removes every pending fault (expired tokens and URLs stay expired). */
    public synchronized void clear() {
        rules.clear();
        drops.clear();
        frozenUserIds.clear();
        failingPartUploads = 0;
        downloadBreaks.clear();
        foreignSubRefreshes = 0;
        videoPreviewOverCapacity = false;
    }

    synchronized Optional<Injected> takeFailure(String endpoint) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule r = it.next();
            if (r.endpoint == null || r.endpoint.equals(endpoint)) {
                if (--r.remaining <= 0) {
                    it.remove();
                }
                return Optional.of(new Injected(r.failure, r.retryAfterMillis));
            }
        }
        return Optional.empty();
    }

    synchronized boolean takeDrop(String endpoint) {
        return drops.remove(endpoint);
    }

    synchronized boolean takePartFailure() {
        if (failingPartUploads > 0) {
            failingPartUploads--;
            return true;
        }
        return false;
    }

    /** Bytes after which to break the current download, or -1. */
    synchronized long takeDownloadBreak() {
        return downloadBreaks.isEmpty() ? -1 : downloadBreaks.remove(0);
    }

    synchronized boolean takeForeignSub() {
        if (foreignSubRefreshes > 0) {
            foreignSubRefreshes--;
            return true;
        }
        return false;
    }

    boolean isFrozen(String userId) {
        return frozenUserIds.contains(userId);
    }

    synchronized boolean videoPreviewOverCapacity() {
        return videoPreviewOverCapacity;
    }

    private SandboxUser user(String userName) {
        return users.byName(userName).orElseThrow(() -> new IllegalArgumentException("no such user: " + userName));
    }
}
