package org.alidav.aliyun;

import org.alidav.drive.remote.Spool;

/** The spool gauge for the benchmark, which measures an in-process server from another package. */
public final class SpoolPeek {
    private SpoolPeek() {
    }

    /** Starts a new measurement of the most bytes held in upload spools at once. */
    public static void resetPeak() {
        Spool.GAUGE.resetPeak();
    }

    public static long peak() {
        return Spool.GAUGE.peak();
    }
}
