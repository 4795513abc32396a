package org.alidav.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The WebDAV requests of the matrix, sent over HTTP to the server under test (loopback only). A
 * request the server never answered (connection closed, server killed) reads as {@link #NO_ANSWER}.
 */
final class DavClient {
    static final int NO_ANSWER = -1;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /** {@code base} ends with "/". */
    DavClient(String base) {
        this.base = base;
    }

    int mkcol(String path) {
        return send("MKCOL", path, HttpRequest.BodyPublishers.noBody());
    }

    int put(String path, Body body) {
        return send("PUT", path, HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    }

    /** MOVE or COPY onto {@code to}, replacing what is there ({@code Overwrite: T}). */
    int relocate(String method, String from, String to) {
        return send(method, from, HttpRequest.BodyPublishers.noBody(), "Destination", base + to, "Overwrite", "T");
    }

    int delete(String path) {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody());
    }

    int propfind(String path) {
        return send("PROPFIND", path, HttpRequest.BodyPublishers.noBody(), "Depth", "1");
    }

    private int send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, body)
                .timeout(Duration.ofSeconds(90));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NO_ANSWER;
        }
    }
}
