package org.alidav;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP/1.1 client for a server under test at {@code base} (such as {@code http://127.0.0.1:8080}). */
public final class TestClient {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String authorization;

    public TestClient(String base) {
        this.base = base;
    }

    /** Sends Basic credentials from now on. */
    public TestClient as(String user, String password) {
        authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public String url(String encodedPath) {
        return base + encodedPath;
    }

    public HttpResponse<String> send(String method, String encodedPath, HttpRequest.BodyPublisher body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(encodedPath))).method(method, body)
                .timeout(Duration.ofMinutes(5));
        if (authorization != null) b.header("Authorization", authorization);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(String method, String encodedPath, String body, String... headers) throws Exception {
        return send(method, encodedPath, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), headers);
    }
}
