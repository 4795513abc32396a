package org.alidav.aliyun;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.alidav.drive.DriveException;
import org.alidav.drive.remote.Backoff;
import org.alidav.drive.remote.PacingClock;
import org.alidav.drive.remote.RateBucket;

/**
 * Paces every API request through its user's bucket and retries what is safe to retry: a 429 was not
 * applied, so any call is sent again after {@code x-retry-after} (plus jitter); a 5xx or a dropped
 * connection is retried (with backoff) only for idempotent calls, because a create or move may
 * already have happened: their callers check instead.
 *
 * <p>Callers wait rather than fail, but boundedly: everything one call spends waiting (for its slot
 * in the bucket, for a server-given {@code x-retry-after}, for a backoff) must fit in {@code maxWait}.
 * When the next wait would not, the call gives up with RATE_LIMITED and a Retry-After of that wait,
 * which the WebDAV layer answers 503 + Retry-After: never an empty folder or a silent success.
 */
final class GovernorInterceptor implements Interceptor {
    private final Supplier<Governor> governor;
    private final PacingClock clock;
    private final int maxAttempts;
    private final Backoff backoff;
    private final Duration maxWait;

    /** {@code maxAttempts}, {@code backoff} and {@code maxWait} are the driver's retry rules; {@code clock} is the pacing's. */
    GovernorInterceptor(Supplier<Governor> governor, PacingClock clock, int maxAttempts, Backoff backoff, Duration maxWait) {
        this.governor = governor;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.maxWait = maxWait;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        ApiCall call = chain.request().tag(ApiCall.class);
        if (call == null) return chain.proceed(chain.request());
        String endpoint = chain.request().url().encodedPath();
        String bucketName = call.bucket().name().toLowerCase(Locale.ROOT);
        long deadline = clock.nanoTime() + maxWait.toNanos();
        for (int attempt = 1; ; attempt++) {
            RateBucket bucket = governor.get().bucket(call.bucket());
            Duration slot = bucket.reserve(remaining(deadline));
            if (slot == null) throw exhausted(bucketName, endpoint, bucket.backlog());
            waitFor(slot, bucketName);
            Response response;
            try {
                response = chain.proceed(chain.request());
            } catch (DriveIOException e) {
                throw e;
            } catch (IOException e) {
                record(call, endpoint, "transport_error");
                Duration delay = backoff.delay(attempt);
                if (!call.idempotent() || attempt >= maxAttempts || delay.compareTo(remaining(deadline)) > 0) throw e;
                Governor.RETRIES.labelValues(endpoint, "transport").inc();
                waitFor(delay, bucketName);
                continue;
            }
            record(call, endpoint, Integer.toString(response.code()));
            if (response.code() == 429) {
                Governor.TOO_MANY.labelValues(endpoint).inc();
                Duration hint = retryAfter(response).orElse(backoff.delay(attempt));
                bucket.holdOff(hint);
                Duration wait = Backoff.jittered(hint);
                if (attempt >= maxAttempts || wait.compareTo(remaining(deadline)) > 0) return response;
                response.close();
                Governor.RETRIES.labelValues(endpoint, "429").inc();
                waitFor(wait, bucketName);
            } else if (response.code() >= 500 && call.idempotent()) {
                Duration delay = backoff.delay(attempt);
                if (attempt >= maxAttempts || delay.compareTo(remaining(deadline)) > 0) return response;
                response.close();
                Governor.RETRIES.labelValues(endpoint, "5xx").inc();
                waitFor(delay, bucketName);
            } else {
                return response;
            }
        }
    }

    private static void record(ApiCall call, String endpoint, String outcome) {
        Governor.CALLS.labelValues(endpoint, outcome).inc();
        if (!call.authorized()) Governor.REFRESHES.labelValues(outcome).inc();
    }

    private void waitFor(Duration d, String bucket) throws IOException {
        if (d.compareTo(Duration.ZERO) <= 0) return;
        Governor.WAITED.labelValues(bucket).inc(d.toNanos() / 1e9);
        clock.sleep(d);
    }

    private Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - clock.nanoTime()));
    }

    private static DriveIOException exhausted(String bucket, String endpoint, Duration backlog) {
        Governor.THROTTLED.labelValues(bucket).inc();
        Duration retry = backlog.compareTo(Duration.ZERO) > 0 ? backlog : Duration.ofSeconds(1);
        return new DriveIOException(DriveException.rateLimited("the " + bucket + " rate budget of AliyunDrive is used up for the next "
                + retry.toMillis() + " ms (" + endpoint + "); try again later", retry));
    }

    /** {@code x-retry-after} is milliseconds (docs/open-api.md, "Rate limits and errors"); a standard Retry-After is seconds. */
    static Optional<Duration> retryAfter(Response response) {
        try {
            String ms = response.header("x-retry-after");
            if (ms != null) return Optional.of(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.trim()))));
            String s = response.header("Retry-After");
            if (s != null) return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(s.trim()))));
        } catch (NumberFormatException ignored) {
            // an unreadable hint is no hint: the caller's backoff applies
        }
        return Optional.empty();
    }
}
