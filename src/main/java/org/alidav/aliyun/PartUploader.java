package org.alidav.aliyun;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.alidav.drive.DriveException;
import org.alidav.drive.remote.Backoff;
import org.alidav.drive.remote.Spool;

/**
 * Sends a body to the part URLs as it arrives: each part streams from the client's body to its URL
 * ({@link PartBody}), copied on the way to a part-sized temp file, the only buffer of the upload (so
 * memory stays flat whatever the size). A failed PUT is sent again from that file, once the rest of
 * the part has been read into it. PUTs carry no Content-Type and no token: the URL's signature covers neither.
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
        try (Spool copy = Spool.create(spoolDir)) {
            for (int n = 1; n <= parts; n++) {
                long offset = (n - 1) * partSize;
                copy.reset();
                put(session, n, new PartBody(source, offset, Math.min(partSize, size - offset), size, copy, digest));
            }
            Bodies.requireEnd(source, size);
        } catch (IOException e) {
            throw Bodies.unreadable(e);
        }
    }

    private void put(UploadSession session, int number, PartBody part) throws IOException {
        String failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                try {
                    Backoff.sleep(backoff.delay(attempt - 1));
                } catch (java.io.InterruptedIOException e) {
                    throw DriveException.unavailable("interrupted", null, e);
                }
                // a resend needs the object storage only: a slow client cannot make it fail again
                part.readRest();
            }
            Request request = new Request.Builder().url(session.url(number)).put(part).build();
            try (Response r = http.newCall(request).execute()) {
                if (r.code() == 200 || r.code() == 409) {
                    part.readRest(); // a no-op after a whole write; the next part starts where this one ends
                    return;
                }
                failure = "answered " + r.code();
                if (r.code() == 403) session.renewFrom(number);
            } catch (IOException e) {
                if (part.clientFailure() != null) throw part.clientFailure();
                failure = e.toString();
            }
        }
        throw DriveException.unavailable("upload of part " + number + " failed " + ATTEMPTS + " times: " + failure,
                Duration.ofSeconds(5), null);
    }
}
