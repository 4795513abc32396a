package org.alidav.aliyun;

/**
 * Part sizes for multipart uploads (docs/open-api.md, "Uploads"): 20 MiB up to 128 GiB, then growing so that no
 * file needs more than 10,000 parts. {@code basePartSize} replaces the 20 MiB of the first tier.
 */
record PartSizer(long basePartSize) {
    static final long DEFAULT_PART = 20L << 20;
    static final int MAX_PARTS = 10_000;
    private static final long GIB = 1L << 30;
    /** The service's largest part (docs/open-api.md, Uploads: a part is at most 5 GB). */
    static final long MAX_PART = 5 * GIB;

    PartSizer {
        if (basePartSize < 1) throw new IllegalArgumentException("part size " + basePartSize);
    }

    long partSize(long size) {
        long part;
        if (size <= 128 * GIB) part = basePartSize;
        else if (size <= 256 * GIB) part = 27_487_791L;
        else if (size <= 384 * GIB) part = 41_231_687L;
        else if (size <= 512 * GIB) part = 54_975_582L;
        else if (size <= 768 * GIB) part = 82_463_373L;
        else if (size <= 1024 * GIB) part = 109_951_163L;
        else part = MAX_PART;
        return Math.max(part, ceilDiv(size, MAX_PARTS));
    }

    static int partCount(long size, long partSize) {
        return (int) ceilDiv(size, partSize);
    }

    private static long ceilDiv(long a, long b) {
        return a == 0 ? 0 : (a - 1) / b + 1;
    }
}
