package org.alidav.sandbox;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per (user or IP, class), refilled from the sandbox clock so tests with a
 * {@link SandboxClock} can refill them by advancing time. Burst = one second's worth (at least 1).
 */
final class RateLimiter {
    /** The real service's limit classes (docs/open-api.md, "Rate limits and errors"), plus token refresh per IP. */
    enum RateClass { LIST, LINK, OTHER, TOKEN, NONE }

    private static final class Bucket {
        final double rate;
        final double capacity;
        double tokens;
        long lastMillis;

        Bucket(double rate, long now) {
            this.rate = rate;
            this.capacity = Math.max(1.0, rate);
            this.tokens = capacity;
            this.lastMillis = now;
        }

        /** Returns 0 when a token was taken, else the milliseconds until one is available. */
        synchronized long take(long now) {
            if (now > lastMillis) {
                tokens = Math.min(capacity, tokens + (now - lastMillis) * rate / 1000.0);
                lastMillis = now;
            }
            if (tokens >= 1.0) {
                tokens -= 1.0;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1.0 - tokens) * 1000.0 / rate));
        }
    }

    private final SandboxOptions options;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(SandboxOptions options) {
        this.options = options;
        this.clock = options.clock();
    }

    /** Throws the real service's 429 answer when {@code key} exceeded its rate in this class. */
    void acquire(String key, RateClass c) {
        if (!options.rateLimits() || c == RateClass.NONE) {
            return;
        }
        long now = clock.millis();
        Bucket b = buckets.computeIfAbsent(c + "/" + key, k -> new Bucket(rateOf(c), now));
        long waitMillis = b.take(now);
        if (waitMillis > 0) {
            throw tooManyRequests(waitMillis);
        }
    }

    static ApiException tooManyRequests(long retryAfterMillis) {
        return new ApiException(429, "TooManyRequests",
                "请求过快，请等待 x-retry-after 毫秒后再请求", Map.of("x-retry-after", Long.toString(retryAfterMillis)));
    }

    private double rateOf(RateClass c) {
        return switch (c) {
            case LIST -> options.listRatePerSecond();
            case LINK -> options.linkRatePerSecond();
            case OTHER -> options.otherRatePerSecond();
            case TOKEN -> options.tokenRatePerSecond();
            case NONE -> Double.MAX_VALUE;
        };
    }
}
