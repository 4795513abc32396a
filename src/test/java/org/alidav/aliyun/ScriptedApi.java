package org.alidav.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A scripted stand-in for the Open API on loopback: each test says what a path answers (one-shot
 * answers first, then a standing handler) and reads back every request. Defaults: an OAuth endpoint
 * that rotates tokens of user "u1", and getDriveInfo.
 */
final class ScriptedApi extends Dispatcher implements AutoCloseable {
    /** One request as received, body kept as bytes. */
    record Call(String method, String path, okhttp3.HttpUrl url, okhttp3.Headers headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String token() {
            String auth = headers.get("Authorization");
            return auth == null ? null : auth.substring("Bearer ".length());
        }
    }

    final MockWebServer server = new MockWebServer();
    final List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Function<Call, MockResponse>>> once = new ConcurrentHashMap<>();
    private final Map<String, Function<Call, MockResponse>> standing = new ConcurrentHashMap<>();
    final AtomicInteger issued = new AtomicInteger();
    volatile long accessLifetimeSec = 7200;
    volatile String sub = "u1";

    ScriptedApi() throws IOException {
        server.setDispatcher(this);
        server.start();
        on("/oauth/access_token", c -> json(200, tokenAnswer()));
        on("/adrive/v1.0/user/getDriveInfo", c -> json(200,
                "{\"user_id\":\"user-" + System.identityHashCode(this) + "\",\"default_drive_id\":\"d1\",\"resource_drive_id\":\"r1\"}"));
    }

    String url(String path) {
        return server.url(path).toString();
    }

    String base() {
        return url("/").replaceAll("/$", "");
    }

    ScriptedApi on(String path, Function<Call, MockResponse> handler) {
        standing.put(path, handler);
        return this;
    }

    ScriptedApi once(String path, Function<Call, MockResponse> handler) {
        once.computeIfAbsent(path, k -> new ArrayDeque<>()).add(handler);
        return this;
    }

    /** A fresh token pair as the OAuth endpoint would rotate it. */
    String tokenAnswer() {
        int n = issued.incrementAndGet();
        long exp = TestTokens.NOW.getEpochSecond() + accessLifetimeSec;
        return "{\"token_type\":\"Bearer\",\"access_token\":\"" + TestTokens.jwt(sub, exp, "access" + n)
                + "\",\"refresh_token\":\"" + TestTokens.jwt(sub, exp + 86400 * 90, "refresh" + n) + "\",\"expires_in\":7200}";
    }

    List<Call> calls(String path) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.path().equals(path)).toList();
        }
    }

    int count(String path) {
        return calls(path).size();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    static MockResponse error(int status, String code) {
        return json(status, "{\"code\":\"" + code + "\",\"message\":\"scripted " + code + "\"}");
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getRequestUrl().encodedPath();
        Call call = new Call(request.getMethod(), path, request.getRequestUrl(), request.getHeaders(), request.getBody().readByteArray());
        calls.add(call);
        Deque<Function<Call, MockResponse>> q = once.get(path);
        Function<Call, MockResponse> h = q == null ? null : q.poll();
        if (h == null) h = standing.get(path);
        if (h == null) return error(404, "NotFound.Route");
        return h.apply(call);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
