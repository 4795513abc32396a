package org.alidav.aliyun;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.alidav.drive.DriveException;
import org.alidav.drive.remote.Backoff;
import org.alidav.drive.remote.Spool;

/**
 * Sends a body to the part URLs as it arrives: each part is first copied to a part-sized temp file
 * (the only buffer of the upload, so memory stays flat whatever the size) so that a failed PUT can be
 * sent again. PUTs carry no Content-Type and no token: the URL's signature covers neither.
 */
final class PartUploader {
    static final int ATTEMPTS = 3;
    private final OkHttpClient http;
    private final Backoff backoff;
    private final Path spoolDir;

    PartUploader(OkHttpClient http, Backoff backoff, Path spoolDir) {
        this.http = http;
        this.backoff = backoff;
        this.spoolDir = spoolDir;
    }

    /**
     * Reads exactly {@code size} bytes of {@code source} into parts of {@code partSize}, feeding
     * {@code digest}; a body that ends early or runs long is an error.
     */
    void upload(UploadSession session, InputStream source, long size, long partSize, MessageDigest digest) {
        int parts = PartSizer.partCount(size, partSize);
        try (Spool part = Spool.create(spoolDir)) {
            for (int n = 1; n <= parts; n++) {
                long want = Math.min(partSize, size - (n - 1) * partSize);
                part.reset();
                long got = part.fill(source, want, digest);
                if (got < want) throw Bodies.endedEarly((n - 1) * partSize + got, size);
                put(session, n, part);
            }
            Bodies.requireEnd(source, size);
        } catch (IOException e) {
            throw Bodies.unreadable(e);
        }
    }

    private void put(UploadSession session, int number, Spool part) {
        String failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                try {
                    Backoff.sleep(backoff.delay(attempt - 1));
                } catch (java.io.InterruptedIOException e) {
                    throw DriveException.unavailable("interrupted", null, e);
                }
            }
            Request request = new Request.Builder().url(session.url(number))
                    .put(RequestBody.create(part.path().toFile(), (MediaType) null)).build();
            try (Response r = http.newCall(request).execute()) {
                if (r.code() == 200 || r.code() == 409) return;
                failure = "answered " + r.code();
                if (r.code() == 403) session.renewFrom(number);
            } catch (IOException e) {
                failure = e.toString();
            }
        }
        throw DriveException.unavailable("upload of part " + number + " failed " + ATTEMPTS + " times: " + failure,
                Duration.ofSeconds(5), null);
    }
}
