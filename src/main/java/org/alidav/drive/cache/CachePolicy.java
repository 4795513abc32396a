package org.alidav.drive.cache;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(staleGrace, "staleGrace");
        if (ttl.isNegative() || staleGrace.isNegative()) throw new IllegalArgumentException("durations must not be negative");
        rules = List.copyOf(rules);
    }

    public static CachePolicy of(Duration ttl) {
        return new CachePolicy(ttl, Duration.ZERO, List.of());
    }

    /**
     * A glob over folder paths inside the storage, such as {@code /Movies/**} or {@code /Inbox}, and
     * the TTL it sets ({@code 0} = never cache that folder). Syntax: {@code *} matches within one
     * name, {@code **} across names, {@code ?} one character, {@code {a,b}} alternatives,
     * {@code [abc]} a character class. A bad glob is refused when the rule is made.
     */
    public record TtlRule(String glob, Duration ttl, PathMatcher matcher) {
        public TtlRule {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative()) throw new IllegalArgumentException("the TTL of " + glob + " must not be negative");
        }

        public TtlRule(String glob, Duration ttl) {
            this(glob, ttl, compile(glob));
        }

        private static PathMatcher compile(String glob) {
            if (glob == null || !glob.startsWith("/")) {
                throw new IllegalArgumentException("'" + glob + "' must be an absolute path glob inside the storage, such as /Movies/**");
            }
            try {
                return FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + glob + "' is not a valid glob: " + e.getMessage());
            }
        }

        public boolean matches(DrivePath folder) {
            return matcher.matches(Path.of(folder.toString()));
        }
    }

    public Duration ttlOf(DrivePath folder) {
        for (TtlRule r : rules) {
            if (r.matches(folder)) return r.ttl();
        }
        return ttl;
    }
}
