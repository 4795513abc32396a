package org.alidav.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults a test switches on at run time. Call faults are {@link Fault} values armed with
 * {@link #inject}; each is consumed by the calls it hits, or ends when its time is up. Token, URL
 * and account faults change the state they name. Endpoint arguments are API paths such as
 * {@code /adrive/v1.0/openFile/create} ({@link SandboxServer#API_PREFIX} + "openFile/create") or the
 * object-store keys of {@link CallStats}.
 */
public final class FaultPlan {
    /** Shorthands for the usual API failures, answered before the call is processed. */
    public enum Failure {
        /** 429 JSON TooManyRequests with {@code x-retry-after}. */
        TOO_MANY_REQUESTS,
        /** 500 JSON InternalError. */
        INTERNAL_ERROR,
        /** 502 {@code text/plain} "Bad Gateway" — not JSON, as a gateway answers. */
        BAD_GATEWAY;

        Fault at(String endpoint, long retryAfterMillis) {
            return switch (this) {
                case TOO_MANY_REQUESTS -> Fault.tooManyRequests(endpoint, retryAfterMillis);
                case INTERNAL_ERROR -> Fault.apiError(endpoint, 500, "InternalError", "Internal Server Error");
                case BAD_GATEWAY -> Fault.text(endpoint, 502, "Bad Gateway");
            };
        }
    }

    /**
     * Ways a token refresh fails that say nothing about the token (the client must try again later),
     * at the official endpoint and the renew stand-in alike.
     */
    public enum RefreshTrouble {
        /** 500 JSON InternalError. */
        SERVER_ERROR,
        /** 502 with a gateway's HTML page. */
        HTML_PAGE,
        /** No answer at all: the call is held (a stall) until the test drops it; the client times out. */
        TIMEOUT,
        /** 400 JSON with a code no documentation lists. */
        UNKNOWN_CODE,
        /** 200 JSON without a token in it. */
        NO_TOKEN,
        /** 429 TooManyRequests with {@code x-retry-after} 100 ms. */
        TOO_MANY_REQUESTS;

        Fault fault() {
            String e = Fault.TOKEN_REFRESH;
            return switch (this) {
                case SERVER_ERROR -> Fault.apiError(e, 500, "InternalError", "Internal Server Error");
                case HTML_PAGE -> Fault.html(e, 502);
                case TIMEOUT -> Fault.stall(e);
                case UNKNOWN_CODE -> Fault.apiError(e, 400, "SomethingNew", "a code no client knows");
                case NO_TOKEN -> Fault.reply(e, 200, "application/json", "{\"message\":\"ok\"}", java.util.Map.of());
                case TOO_MANY_REQUESTS -> Fault.tooManyRequests(e, 100);
            };
        }
    }

    /** An armed fault and what is left of it. */
    private static final class Armed {
        final Fault fault;
        final long armedAtNanos;
        int toSkip;
        int remaining;

        Armed(Fault fault, long now) {
            this.fault = fault;
            this.armedAtNanos = now;
            this.toSkip = fault.skip();
            this.remaining = fault.times();
        }

        boolean expired(long now) {
            return fault.lasting() != null && now - armedAtNanos >= fault.lasting().toNanos();
        }
    }

    private final TokenService tokens;
    private final UrlSigner signer;
    private final UserDirectory users;
    private final IdleConnections connections;
    private final List<Armed> armed = new ArrayList<>();
    /** Every stall ever armed, so none can hold a call past {@link #clear()}. */
    private final List<Stall> stalls = new ArrayList<>();
    private final Set<String> frozenUserIds = ConcurrentHashMap.newKeySet();
    private final List<Long> downloadBreaks = new ArrayList<>();
    private int foreignSubRefreshes;
    private boolean videoPreviewOverCapacity;
    private boolean fileObjectLinksWithheld;

    FaultPlan(TokenService tokens, UrlSigner signer, UserDirectory users, IdleConnections connections) {
        this.tokens = tokens;
        this.signer = signer;
        this.users = users;
        this.connections = connections;
    }

    /** Every access token issued so far answers 401 AccessTokenExpired from now on. */
    public void expireAccessTokens() {
        tokens.expireAllAccessTokens();
    }

    /** Every download and upload URL issued so far answers 403 "Request has expired." from now on. */
    public void expireUrls() {
        signer.expireAll();
    }

    /**
     * Arms a fault; it strikes the calls it {@linkplain Fault#hits hits} from now on, the first
     * armed first when several match. Returns it (a stall's handle is {@link Fault#stall()}).
     */
    public synchronized Fault inject(Fault fault) {
        armed.add(new Armed(fault, System.nanoTime()));
        if (fault.effect() instanceof Stall s) stalls.add(s);
        return fault;
    }

    /**
     * The next {@code n} token refreshes fail with {@code trouble}, nothing applied (the token is not
     * consumed). Returns the armed fault: a {@link RefreshTrouble#TIMEOUT}'s {@link Fault#stall()} holds
     * the calls until dropped (or {@link #clear()}).
     */
    public Fault failRefreshes(RefreshTrouble trouble, int n) {
        return inject(trouble.fault().times(n));
    }

    /** The next {@code n} API calls (any endpoint) fail. */
    public void failNext(int n, Failure failure) {
        failNext(n, null, failure, 1000);
    }

    /** The next {@code n} calls of {@code endpoint} (null = any API call) fail. */
    public void failNext(int n, String endpoint, Failure failure) {
        failNext(n, endpoint, failure, 1000);
    }

    /** As above; {@code retryAfterMillis} is the {@code x-retry-after} value for TOO_MANY_REQUESTS. */
    public void failNext(int n, String endpoint, Failure failure, long retryAfterMillis) {
        inject(failure.at(endpoint == null ? Fault.ANY_API : endpoint, retryAfterMillis).times(n));
    }

    /**
     * The next call of {@code endpoint} is applied (e.g. the folder is created, the copy made) and then
     * the connection is closed without a response.
     */
    public void dropConnectionAfterNext(String endpoint) {
        inject(Fault.drop(endpoint).after());
    }

    /** The next {@code n} part PUTs answer 500 and store nothing. */
    public void failNextPartUploads(int n) {
        inject(Fault.ossError(CallStats.OBJECT_PUT, 500, "InternalError", "We encountered an internal error. Please try again.")
                .times(n));
    }

    /**
     * Closes every kept-alive connection serving no request now, as the service does past its idle
     * timeout; answers how many. A client's next call on one of them finds it closed.
     */
    public int closeIdleConnections() {
        return connections.closeIdle();
    }

    /**
     * From now on every connection idle for {@code idle} is closed by the sandbox (the object storage
     * closes them after 60 s); null restores Jetty's default. {@link #clear()} restores it too.
     */
    public void closeIdleConnectionsAfter(java.time.Duration idle) {
        connections.closeAfter(idle);
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

    /** File objects come without their download {@code url} while on (sources differ on whether they are always there). */
    public synchronized void withholdFileObjectLinks(boolean on) {
        fileObjectLinksWithheld = on;
    }

    synchronized boolean fileObjectLinksWithheld() {
        return fileObjectLinksWithheld;
    }

    /** Removes every pending fault and drops every held call (expired tokens and URLs stay expired). */
    public synchronized void clear() {
        armed.clear();
        stalls.forEach(Stall::drop);
        stalls.clear();
        frozenUserIds.clear();
        downloadBreaks.clear();
        foreignSubRefreshes = 0;
        videoPreviewOverCapacity = false;
        connections.closeAfter(null);
        fileObjectLinksWithheld = false;
    }

    /** The effect striking this call of {@code endpoint} at {@code phase}, if an armed fault hits it. */
    synchronized Optional<Fault.Effect> take(String endpoint, Fault.Phase phase) {
        long now = System.nanoTime();
        armed.removeIf(a -> a.expired(now));
        for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
            Armed a = it.next();
            if (a.fault.phase() != phase || !a.fault.hits(endpoint)) continue;
            if (a.toSkip > 0) {
                a.toSkip--;
                continue;
            }
            if (--a.remaining <= 0) it.remove();
            return Optional.of(a.fault.effect());
        }
        return Optional.empty();
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
