package org.alidav.aliyun;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pacing of one Aliyun user: the server limits per user and app, so every storage of that user
 * in this process shares one governor. Before the user is known (the first getDriveInfo), calls go
 * through the shared anonymous governor.
 */
final class Governor {
    /** Requests per second of each bucket. */
    record Rates(double list, double link, double other) {
        static final Rates DEFAULT = new Rates(3.9, 0.9, 14.9);
    }

    private static final Map<String, Governor> BY_USER = new ConcurrentHashMap<>();
    static final String ANONYMOUS = "";

    private final RateBucket list;
    private final RateBucket link;
    private final RateBucket other;

    private Governor(Rates rates) {
        this.list = new RateBucket(rates.list());
        this.link = new RateBucket(rates.link());
        this.other = new RateBucket(rates.other());
    }

    /** The user's governor; the rates of the first storage that asks win for that user. */
    static Governor forUser(String userId, Rates rates) {
        return BY_USER.computeIfAbsent(userId, k -> new Governor(rates));
    }

    RateBucket bucket(Bucket b) {
        return switch (b) {
            case LIST -> list;
            case LINK -> link;
            case OTHER -> other;
        };
    }
}
