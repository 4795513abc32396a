package org.alidav.drive.cache;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.List;
import org.alidav.drive.DrivePath;

/**
 * How long a folder listing is trusted. A listing younger than its TTL is served as it is; one older
 * than its TTL but within {@code staleGrace} after it is still served, while a single background fetch
 * refreshes it (so a client never waits on a folder it has seen recently); an older one is fetched
 * before answering.
 *
 * @param ttl        the default time to live
 * @param staleGrace how long past its TTL a listing may be served while it is refreshed; zero = never
 * @param rules      the first rule whose glob matches a folder's path inside the storage sets its TTL
 */
public record CachePolicy(Duration ttl, Duration staleGrace, List<TtlRule> rules) {

    public CachePolicy {
        rules = List.copyOf(rules);
    }

    public static CachePolicy of(Duration ttl) {
        return new CachePolicy(ttl, Duration.ZERO, List.of());
    }

    /** A glob over folder paths such as {@code /Movies/**} or {@code /Inbox}, and the TTL it sets. */
    public record TtlRule(String glob, Duration ttl) {
        public boolean matches(DrivePath folder) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            return m.matches(Path.of(folder.toString()));
        }
    }

    public Duration ttlOf(DrivePath folder) {
        for (TtlRule r : rules) {
            if (r.matches(folder)) return r.ttl();
        }
        return ttl;
    }
}
