package org.alidav.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One fault a test arms in the {@link FaultPlan}: which calls it hits ({@link #endpoint}), when
 * ({@link Phase#BEFORE} the call is processed, so nothing is applied, or {@link Phase#AFTER}, so it
 * is), what they get ({@link Effect}: the connection closed, a canned answer, or held until the test
 * lets go) and how many calls ({@link #times}, after letting {@link #skip} pass) or for how long
 * ({@link #lasting}, wall-clock time: a test clock may stand still). Build one with the factories
 * and refine it with the withers: {@code Fault.html(CREATE, 502).after().times(3)}.
 *
 * @param endpoint an API path such as {@code /adrive/v1.0/openFile/create}, {@link #ANY_API}, {@link #TOKEN_REFRESH}, or an
 *                 object-store key of {@link CallStats} ({@link CallStats#OBJECT_PUT} for part
 *                 uploads, {@link CallStats#OBJECT_GET}/{@link CallStats#OBJECT_HEAD} for downloads,
 *                 where only {@link Phase#BEFORE} applies)
 * @param lasting  null = until {@link #times} calls were hit
 */
public record Fault(String endpoint, Phase phase, Effect effect, int skip, int times, Duration lasting) {
    /** Matches every API call (not the object store). */
    public static final String ANY_API = "*";
    /** Matches token refreshes: the official OAuth endpoint and the online renew stand-in alike. */
    public static final String TOKEN_REFRESH = "token-refresh";
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** Whether the call is processed before the fault strikes. */
    public enum Phase { BEFORE, AFTER }

    /** What a hit call gets. */
    public sealed interface Effect permits Drop, Reply, Redirect, Stall {
    }

    /** The TCP connection is closed with no answer. */
    public record Drop() implements Effect {
    }

    /** A canned answer in place of the real one. */
    public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) implements Effect {
        public Reply {
            Objects.requireNonNull(body, "body");
            headers = Map.copyOf(headers);
        }
    }

    /** A redirect ({@code status}, e.g. 302) whose {@code Location} is the very URL asked for, as a CDN sends one on. */
    public record Redirect(int status) implements Effect {
    }

    public Fault {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(effect, "effect");
        if (skip < 0 || times < 1) throw new IllegalArgumentException("skip >= 0 and times >= 1");
    }

    /** The connection is closed before the call is processed: nothing applied, no answer. */
    public static Fault drop(String endpoint) {
        return of(endpoint, new Drop());
    }

    /** A {@code text/html} error page with {@code status}, as a gateway or load balancer answers. */
    public static Fault html(String endpoint, int status) {
        String reason = switch (status) {
            case 500 -> "500 Internal Server Error";
            case 502 -> "502 Bad Gateway";
            case 503 -> "503 Service Temporarily Unavailable";
            case 504 -> "504 Gateway Time-out";
            default -> status + " Error";
        };
        String page = "<html>\r\n<head><title>" + reason + "</title></head>\r\n<body>\r\n<center><h1>" + reason
                + "</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n";
        return reply(endpoint, status, "text/html", page, Map.of());
    }

    /** A {@code text/plain} answer, e.g. the gateway's 502 "Bad Gateway". */
    public static Fault text(String endpoint, int status, String body) {
        return reply(endpoint, status, "text/plain", body, Map.of());
    }

    /** An Open API JSON error ({@code code}, {@code message}, {@code requestId}). */
    public static Fault apiError(String endpoint, int status, String code, String message) {
        String json = Json.MAPPER.createObjectNode().put("code", code).put("message", message)
                .put("requestId", Ids.requestId()).toString();
        return reply(endpoint, status, "application/json", json, Map.of());
    }

    /** A JSON answer of the test's making, e.g. a complete that reports another size than was stored. */
    public static Fault json(String endpoint, int status, String json) {
        return reply(endpoint, status, "application/json", json, Map.of());
    }

    /** 429 TooManyRequests with {@code x-retry-after}; {@link #lasting} or {@link #times} make it a storm. */
    public static Fault tooManyRequests(String endpoint, long retryAfterMillis) {
        ApiException e = RateLimiter.tooManyRequests(retryAfterMillis);
        return apiError(endpoint, e.status, e.code, e.getMessage()).withHeaders(e.headers);
    }

    /** An object-store (OSS) XML error, as the storage host answers part uploads and downloads. */
    public static Fault ossError(String endpoint, int status, String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>" + code + "</Code>\n  <Message>"
                + message + "</Message>\n  <HostId>sandbox-oss</HostId>\n</Error>\n";
        return reply(endpoint, status, "application/xml", xml, Map.of());
    }

    /** Object reads answered 302 to the same URL, which the client must follow. */
    public static Fault redirect(String endpoint) {
        return redirect(endpoint, 302);
    }

    /** As {@link #redirect(String)} with another status: 301, 307 and 308 are followed too, 303 and 304 not. */
    public static Fault redirect(String endpoint, int status) {
        if (status / 100 != 3) throw new IllegalArgumentException("not a redirect status: " + status);
        return of(endpoint, new Redirect(status));
    }

    /** The call is applied and answered 200 with no body at all. */
    public static Fault emptyBody(String endpoint) {
        return reply(endpoint, 200, "application/json", "", Map.of()).after();
    }

    /** The call is applied and answered 200 {@code {}}. */
    public static Fault emptyObject(String endpoint) {
        return reply(endpoint, 200, "application/json", "{}", Map.of()).after();
    }

    /** The call is held before it is processed until the test decides; see {@link Stall}. */
    public static Fault stall(String endpoint) {
        return of(endpoint, new Stall());
    }

    /** Strike after the call was processed (applied). */
    public Fault after() {
        return new Fault(endpoint, Phase.AFTER, effect, skip, times, lasting);
    }

    /** Strike before the call is processed (nothing applied); the default. */
    public Fault before() {
        return new Fault(endpoint, Phase.BEFORE, effect, skip, times, lasting);
    }

    /** Hit {@code n} calls (default 1). */
    public Fault times(int n) {
        return new Fault(endpoint, phase, effect, skip, n, lasting);
    }

    /** Let the first {@code n} matching calls pass untouched, e.g. to hit the second part upload. */
    public Fault skipping(int n) {
        return new Fault(endpoint, phase, effect, n, times, lasting);
    }

    /** Hit every matching call for {@code d} from when it is armed. */
    public Fault lasting(Duration d) {
        return new Fault(endpoint, phase, effect, skip, UNLIMITED, Objects.requireNonNull(d));
    }

    /** The handle of a stall fault. */
    public Stall stall() {
        if (effect instanceof Stall s) return s;
        throw new IllegalStateException("not a stall: " + effect);
    }

    boolean hits(String calledEndpoint) {
        return endpoint.equals(calledEndpoint) || (ANY_API.equals(endpoint) && isApi(calledEndpoint))
                || (TOKEN_REFRESH.equals(endpoint) && (OAuthHandlers.ACCESS_TOKEN.equals(calledEndpoint)
                || OAuthHandlers.RENEW_API.equals(calledEndpoint)));
    }

    /** API endpoints are paths; the object store's keys start with the HTTP method. */
    private static boolean isApi(String calledEndpoint) {
        return calledEndpoint.startsWith("/");
    }

    private Fault withHeaders(Map<String, String> headers) {
        Reply r = (Reply) effect;
        return new Fault(endpoint, phase, new Reply(r.status(), r.contentType(), r.body(), headers), skip, times, lasting);
    }

    static Fault reply(String endpoint, int status, String contentType, String body, Map<String, String> headers) {
        return of(endpoint, new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), headers));
    }

    private static Fault of(String endpoint, Effect effect) {
        return new Fault(endpoint, Phase.BEFORE, effect, 0, 1, null);
    }
}
