package org.alidav.aliyun;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Paces every API request through its user's bucket and retries what is safe to retry: a 429 was not
 * applied, so any call is sent again after {@code x-retry-after}; a 5xx or a dropped connection is
 * retried only for idempotent calls, because a create or move may already have happened. When the
 * attempts run out the last response (or error) goes to the caller, who turns a 429 into a
 * RATE_LIMITED error, never into an empty result.
 */
final class GovernorInterceptor implements Interceptor {
    private final Supplier<Governor> governor;
    private final int maxAttempts;
    private final Backoff backoff;

    GovernorInterceptor(Supplier<Governor> governor, int maxAttempts, Backoff backoff) {
        this.governor = governor;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        ApiCall call = chain.request().tag(ApiCall.class);
        if (call == null) return chain.proceed(chain.request());
        for (int attempt = 1; ; attempt++) {
            RateBucket bucket = governor.get().bucket(call.bucket());
            bucket.acquire();
            Response response;
            try {
                response = chain.proceed(chain.request());
            } catch (IOException e) {
                if (!call.idempotent() || attempt >= maxAttempts || e instanceof DriveIOException) throw e;
                Backoff.sleep(backoff.delay(attempt));
                continue;
            }
            if (attempt >= maxAttempts) return response;
            if (response.code() == 429) {
                Duration wait = retryAfter(response).orElse(backoff.delay(attempt));
                response.close();
                bucket.holdOff(wait);
                Backoff.sleep(Backoff.jittered(wait));
            } else if (response.code() >= 500 && call.idempotent()) {
                response.close();
                Backoff.sleep(backoff.delay(attempt));
            } else {
                return response;
            }
        }
    }

    /** {@code x-retry-after} is milliseconds (fact sheet §10.1); a standard Retry-After is seconds. */
    static java.util.Optional<Duration> retryAfter(Response response) {
        try {
            String ms = response.header("x-retry-after");
            if (ms != null) return java.util.Optional.of(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.trim()))));
            String s = response.header("Retry-After");
            if (s != null) return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(s.trim()))));
        } catch (NumberFormatException ignored) {
            // an unreadable hint is no hint: the caller's backoff applies
        }
        return java.util.Optional.empty();
    }
}
