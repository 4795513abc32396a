package org.alidav.aliyun;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.alidav.drive.remote.DownloadGate;
import org.alidav.drive.remote.PacingClock;

/**
 * The governors and download gates of the AliyunDrive users one server serves, by user id: the Open
 * API counts rates and download connections per user, so every storage of one user shares them.
 * The application owns one and hands it to the driver factory; tests make their own, on a
 * {@link PacingClock} they control, instead of sharing process-wide state.
 */
public final class UserPacing {
    private final PacingClock clock;
    private final Map<String, Governor> governors = new ConcurrentHashMap<>();
    private final Map<String, DownloadGate> gates = new ConcurrentHashMap<>();

    public UserPacing(PacingClock clock) {
        this.clock = clock;
    }

    /** Pacing on the real clock. */
    public static UserPacing realTime() {
        return new UserPacing(PacingClock.SYSTEM);
    }

    PacingClock clock() {
        return clock;
    }

    /**
     * The user's governor. When storages of one user ask for different rates, the strictest rate of
     * each bucket wins, whatever the order they start in (the server counts them together). The
     * anonymous governor, used only until the user is known, keeps the rates it was made with.
     */
    Governor governor(String userId, Governor.Rates rates) {
        Governor g = governors.computeIfAbsent(userId, k -> new Governor(rates, clock));
        if (!userId.equals(Governor.ANONYMOUS)) g.tighten(rates);
        return g;
    }

    /** The user's gate; the settings of the first storage that asks win for that user. */
    DownloadGate gate(String userId, DownloadGate.Settings settings) {
        return gates.computeIfAbsent(userId, k -> new DownloadGate(settings));
    }
}
