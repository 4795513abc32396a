package org.alidav.aliyun;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.alidav.drive.DriveException;

/**
 * Reads bytes from a signed object-storage URL: a plain GET with an open-ended {@code Range} (so the
 * stream can go on serving a following nearby range), without the API's bearer token (the signature
 * is the authorisation) and without a {@code Referer}, which the object storage refuses when foreign.
 * Never logs the URL: its query is the signature.
 */
final class ObjectReader {
    private final OkHttpClient http;

    ObjectReader(OkHttpClient http) {
        this.http = http;
    }

    /** What the object storage answered to a read. */
    sealed interface Answer {
    }

    /** The body from the asked offset on. */
    record Opened(Upstream upstream) implements Answer {
    }

    /** 403 other than a concurrency refusal: the link expired ("Request has expired.") or was revoked. */
    record Expired(String code) implements Answer {
    }

    /** 403 {@code ExceedMaxConcurrency}: too many downloads of this user right now. */
    record Busy() implements Answer {
    }

    /**
     * Opens {@code url} at {@code offset}; the stream, once opened, owns one permit of {@code gate}
     * that the caller has acquired. Network failures are {@link IOException}s for the caller to retry.
     */
    Answer open(String key, String url, long offset, DownloadGate gate) throws IOException {
        Request request = new Request.Builder().url(url).get().header("Range", "bytes=" + offset + "-").build();
        okhttp3.Call call = http.newCall(request);
        Response response = call.execute();
        try {
            int code = response.code();
            if (code == 403) {
                String body = response.body().string();
                response.close();
                if (body.contains("ExceedMaxConcurrency")) return new Busy();
                return new Expired(body.contains("expired") ? "Request has expired" : "AccessDenied");
            }
            if (code == 206) {
                long start = contentRangeStart(response.header("Content-Range"));
                if (start != offset) throw new IOException("object storage answered range from " + start + ", asked " + offset);
                return new Opened(new Upstream(key, call, response, response.body().byteStream(), offset, gate));
            }
            if (code == 200) {
                Upstream u = new Upstream(key, call, response, response.body().byteStream(), 0, gate);
                if (!u.skipTo(offset)) throw new IOException("object storage body ended before offset " + offset);
                return new Opened(u);
            }
            if (code == 416) {
                response.close();
                throw DriveException.upstream("object storage says offset " + offset + " is past the end", null);
            }
            String status = code + " " + response.message();
            response.close();
            throw DriveException.upstream("object storage answered " + status, null);
        } catch (IOException | RuntimeException e) {
            response.close();
            throw e;
        }
    }

    private static long contentRangeStart(String contentRange) {
        if (contentRange == null) return -1;
        try {
            String s = contentRange.trim();
            return Long.parseLong(s.substring(s.indexOf(' ') + 1, s.indexOf('-')).trim());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The total size from a {@code Content-Range: bytes 0-0/N} answer, reading one byte. */
    Optional<Long> totalSize(String url) {
        Request request = new Request.Builder().url(url).get().header("Range", "bytes=0-0").build();
        try (Response response = http.newCall(request).execute()) {
            String cr = response.header("Content-Range");
            if (response.code() == 206 && cr != null && cr.contains("/")) {
                return Optional.of(Long.parseLong(cr.substring(cr.indexOf('/') + 1).trim()));
            }
            if (response.code() == 200 && response.body().contentLength() >= 0) return Optional.of(response.body().contentLength());
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
