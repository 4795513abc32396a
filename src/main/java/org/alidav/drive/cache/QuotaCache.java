package org.alidav.drive.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.alidav.drive.Quota;

/**
 * The last quota answer, reused for a TTL and adjusted by our own uploads: every PUT checks the free
 * space and every quota PROPFIND reports it, and a backend call each time (AliyunDrive: one
 * getSpaceInfo beside the create and complete of each upload) costs more than a few seconds of
 * staleness, which the backend's own quota check covers.
 */
final class QuotaCache {
    private final Clock clock;
    private final Duration ttl;
    private Quota quota;
    private Instant fetched = Instant.MIN;

    QuotaCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    synchronized Quota get(Supplier<Quota> fetch) {
        Instant now = clock.instant();
        if (quota == null || !now.isBefore(fetched.plus(ttl))) {
            quota = fetch.get();
            fetched = now;
        }
        return quota;
    }

    /** The cached answer while it is fresh, without fetching. */
    synchronized java.util.Optional<Quota> current() {
        boolean fresh = quota != null && clock.instant().isBefore(fetched.plus(ttl));
        return fresh ? java.util.Optional.of(quota) : java.util.Optional.empty();
    }

    /** Counts bytes we added (or freed) against the cached figure until the next fetch. */
    synchronized void adjust(long usedDelta) {
        if (quota != null && usedDelta != 0) quota = new Quota(Math.max(0, quota.used() + usedDelta), quota.total());
    }

    synchronized void forget() {
        quota = null;
    }
}
