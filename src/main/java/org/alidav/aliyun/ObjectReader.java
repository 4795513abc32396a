package org.alidav.aliyun;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.alidav.drive.ByteRange;
import org.alidav.drive.DriveException;

/**
 * Reads bytes from a signed object-storage URL: a plain GET with {@code Range}, without the API's
 * bearer token (the signature is the authorisation) and without a {@code Referer}, which the object
 * storage refuses when foreign.
 */
final class ObjectReader {
    private final OkHttpClient http;

    ObjectReader(OkHttpClient http) {
        this.http = http;
    }

    /** The range's bytes, or empty when the storage refused the URL (403: expired or revoked). */
    Optional<InputStream> open(String url, ByteRange range) {
        if (range.length() == 0) return Optional.of(InputStream.nullInputStream());
        Request request = new Request.Builder().url(url).get()
                .header("Range", "bytes=" + range.first() + "-" + range.last()).build();
        Response response = null;
        try {
            response = http.newCall(request).execute();
            if (response.code() == 403) {
                response.close();
                return Optional.empty();
            }
            if (response.code() == 206) return Optional.of(response.body().byteStream());
            if (response.code() == 200) {
                InputStream in = response.body().byteStream();
                in.skipNBytes(range.first());
                return Optional.of(new Limited(in, range.length()));
            }
            String status = response.code() + " " + response.message();
            response.close();
            throw DriveException.upstream("object storage answered " + status, null);
        } catch (IOException e) {
            if (response != null) response.close();
            throw DriveException.unavailable("object storage unreachable: " + e.getMessage(), java.time.Duration.ofSeconds(2), e);
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

    /** Stops after {@code remaining} bytes, for a server that ignored the Range header. */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) return -1;
            int b = super.read();
            if (b >= 0) remaining--;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (remaining <= 0) return -1;
            int n = super.read(buf, off, (int) Math.min(len, remaining));
            if (n > 0) remaining -= n;
            return n;
        }
    }
}
