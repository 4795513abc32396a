package org.alidav.aliyun;

import io.prometheus.metrics.core.metrics.Counter;
import java.util.Locale;
import org.alidav.drive.remote.PacingClock;
import org.alidav.drive.remote.RateBucket;
import org.alidav.metrics.Metrics;

/**
 * The pacing of one Aliyun user: the server limits per user and app, so every storage of that user
 * in this process shares one governor ({@link UserPacing}). Before the user is known (the first
 * getDriveInfo), calls go through the shared anonymous governor. The counters are process-wide and labelled by endpoint, so
 * {@code /-/metrics} shows what each call class cost.
 */
final class Governor {
    /** Requests per second of each bucket; defaults just under the official 4 / 1 / 15 (docs/open-api.md, "Rate limits and errors"). */
    record Rates(double list, double link, double other) {
        static final Rates DEFAULT = new Rates(3.9, 0.9, 14.9);
    }

    static final Counter CALLS = Metrics.counter("alidav_api_calls_total",
            "Open API requests sent, by endpoint and outcome (HTTP status, or transport_error)", "endpoint", "outcome");
    static final Counter TOO_MANY = Metrics.counter("alidav_api_429_total",
            "429 TooManyRequests answers received from the Open API", "endpoint");
    static final Counter RETRIES = Metrics.counter("alidav_api_retries_total",
            "Open API requests sent again, by endpoint and reason (429, 5xx, transport)", "endpoint", "reason");
    static final Counter THROTTLED = Metrics.counter("alidav_api_throttled_total",
            "calls given up because the wait for the rate budget would exceed max_wait (the client got 503 + Retry-After)",
            "bucket");
    static final Counter WAITED = Metrics.counter("alidav_api_wait_seconds_total",
            "time callers spent waiting for their rate bucket or a server-given x-retry-after", "bucket");
    static final Counter REFRESHES = Metrics.counter("alidav_token_refreshes_total",
            "access token refresh requests, by outcome (HTTP status, or transport_error)", "outcome");

    static {
        // the buckets are few and known: their series show 0 from the start instead of appearing on the first wait
        for (Bucket b : Bucket.values()) {
            THROTTLED.initLabelValues(b.name().toLowerCase(Locale.ROOT));
            WAITED.initLabelValues(b.name().toLowerCase(Locale.ROOT));
        }
    }

    static final String ANONYMOUS = "";

    private final RateBucket list;
    private final RateBucket link;
    private final RateBucket other;

    Governor(Rates rates, PacingClock clock) {
        this.list = new RateBucket(rates.list(), clock);
        this.link = new RateBucket(rates.link(), clock);
        this.other = new RateBucket(rates.other(), clock);
    }

    /** Slows each bucket down to the given rate if that is slower than its own. */
    void tighten(Rates rates) {
        list.tighten(rates.list());
        link.tighten(rates.link());
        other.tighten(rates.other());
    }

    RateBucket bucket(Bucket b) {
        return switch (b) {
            case LIST -> list;
            case LINK -> link;
            case OTHER -> other;
        };
    }
}
