package org.alidav.drive.cache;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the listing cache, read by the metrics endpoint and by tests. */
public final class CacheStats {
    final LongAdder hits = new LongAdder();
    final LongAdder staleHits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder backgroundRefreshes = new LongAdder();

    public long hits() {
        return hits.sum();
    }

    /** Answers given from a listing past its TTL while it was refreshed in the background. */
    public long staleHits() {
        return staleHits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public long backgroundRefreshes() {
        return backgroundRefreshes.sum();
    }
}
