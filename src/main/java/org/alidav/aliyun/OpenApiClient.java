package org.alidav.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.alidav.drive.DriveException;

/**
 * Sends one JSON POST to the Open API and reads its answer. An answer is an error when its status is
 * 400 or more (JSON {@code code}/{@code message}, or a gateway's non-JSON page) or when a 2xx body is
 * not the JSON expected: unlike the Go reference client, a gateway's 502 page never passes as success.
 * A 2xx without a body reads as {@code {}}: the service answers some writes (trash, delete) so, and
 * they succeeded. An answer about one item must still name it ({@link ApiModel.Identified}): a
 * {@code {}} there is no answer, and the caller looks at what happened.
 */
final class OpenApiClient {
    private static final MediaType JSON = MediaType.get("application/json");
    private final OkHttpClient http;
    private final String baseUrl;

    OpenApiClient(OkHttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    <T> T post(String path, Object body, ApiCall call, Class<T> type) {
        Request request = new Request.Builder().url(baseUrl + path)
                .post(RequestBody.create(body == null ? "{}" : write(body), JSON))
                .tag(ApiCall.class, call).build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() >= 400) throw error(response);
            try {
                T value = Json.MAPPER.readValue(bodyOrEmptyObject(response), type);
                if (value == null) throw new IOException("a JSON null");
                if (value instanceof ApiModel.Identified item && (item.fileId() == null || item.fileId().isEmpty())) {
                    throw new IOException("no file_id");
                }
                return value;
            } catch (IOException e) {
                throw new OpenApiException(DriveException.Kind.UPSTREAM, response.code(), OpenApiException.BAD_ANSWER,
                        path + " answered " + response.code() + " without the expected JSON: " + e.getMessage(), null);
            }
        } catch (DriveIOException e) {
            throw e.error;
        } catch (IOException e) {
            throw transport(path, e);
        }
    }

    /** The body's bytes, or {@code {}} when there are none (whitespace only counts as none). */
    private static byte[] bodyOrEmptyObject(Response response) throws IOException {
        byte[] bytes = response.body().bytes();
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) return bytes;
        }
        return EMPTY_OBJECT;
    }

    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    private static OpenApiException error(Response response) throws IOException {
        String text = response.body().string();
        Duration retryAfter = GovernorInterceptor.retryAfter(response).orElse(null);
        JsonNode node = null;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (IOException ignored) {
            // not JSON: a gateway answered
        }
        if (node == null || !node.isObject() || !node.hasNonNull("code")) return ErrorMapper.fromGateway(response.code(), text);
        String message = node.hasNonNull("message") ? node.get("message").asText() : "";
        return ErrorMapper.fromJson(response.code(), node.get("code").asText(), message, retryAfter);
    }

    /**
     * A dropped connection or timeout: status 0, and for a write the outcome is unknown. A reused
     * connection that broke before any answer byte is told apart ({@link OpenApiException#SENT_UNANSWERED}):
     * its write can be looked for and resent, where after a timeout the server may still be at work.
     */
    private static OpenApiException transport(String what, IOException e) {
        String code = e instanceof ClosedConnectionCheck.BrokenBeforeAnswer ? OpenApiException.SENT_UNANSWERED : "Transport";
        return new OpenApiException(DriveException.Kind.UNAVAILABLE, 0, code, what + ": " + e, Duration.ofSeconds(2));
    }

    private static String write(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
