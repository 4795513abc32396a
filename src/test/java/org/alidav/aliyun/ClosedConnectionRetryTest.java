package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which calls are sent again when the server closes a connection after reading the request and before
 * answering: on a reused connection, reads are resent once on a fresh one and writes are not (their
 * callers look first); on a fresh connection nothing is, since no stale pool is to blame.
 */
class ClosedConnectionRetryTest {
    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = HttpClients.base("test");

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void aReadOnABrokenReusedConnectionIsResentOnce() throws IOException {
        server.enqueue(new MockResponse().setBody("first"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setBody("again"));
        assertEquals("first", call(get()));
        assertEquals("again", call(get()));
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void aWriteOnABrokenReusedConnectionIsLeftToItsCaller() throws IOException {
        server.enqueue(new MockResponse().setBody("first"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        assertEquals("first", call(get()));
        assertThrows(ClosedConnectionCheck.BrokenBeforeAnswer.class, () -> call(post(ApiCall.write())));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aFailureOnAFreshConnectionIsNotABrokenPooledOne() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        IOException e = assertThrows(IOException.class, () -> call(get()));
        assertFalse(e instanceof ClosedConnectionCheck.BrokenBeforeAnswer, e.toString());
        assertEquals(1, server.getRequestCount());
    }

    private Request get() {
        return new Request.Builder().url(server.url("/object")).build();
    }

    private Request post(ApiCall tag) {
        return new Request.Builder().url(server.url("/api")).post(RequestBody.create("{}", MediaType.get("application/json")))
                .tag(ApiCall.class, tag).build();
    }

    private String call(Request request) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            return response.body().string();
        }
    }
}
