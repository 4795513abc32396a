package org.alidav.sandbox;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls per endpoint and outcome, so tests can assert what an operation cost. API endpoints are keyed
 * by path (e.g. {@code /adrive/v1.0/openFile/list}); the object store by the constants below.
 */
public final class CallStats {
    public static final String OBJECT_GET = "GET /oss/download";
    public static final String OBJECT_HEAD = "HEAD /oss/download";
    public static final String OBJECT_PUT = "PUT /oss/upload";
    public static final String OBJECT_PLAYLIST = "GET /oss/hls";
    /** Outcome recorded when the sandbox closed the connection instead of answering. */
    public static final int DROPPED = 0;

    private final Map<String, Map<Integer, LongAdder>> counts = new ConcurrentHashMap<>();
    private final LongAdder partBytes = new LongAdder();
    private final LongAdder downloadBytes = new LongAdder();
    private final ConcurrentLinkedDeque<ObjectRead> objectReads = new ConcurrentLinkedDeque<>();

    /** The headers of one object read (redirect hops included) that the object storage looks at; null when absent. */
    public record ObjectRead(String range, String userAgent, String referer) {
    }

    /** How many object reads are remembered: the latest ones, enough for any one test's reads. */
    private static final int READS_KEPT = 1000;

    void recordObjectRead(ObjectRead read) {
        objectReads.addLast(read);
        while (objectReads.size() > READS_KEPT) objectReads.pollFirst();
    }

    void record(String endpoint, int status) {
        counts.computeIfAbsent(endpoint, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, k -> new LongAdder()).increment();
    }

    void addPartBytes(long n) {
        partBytes.add(n);
    }

    void addDownloadBytes(long n) {
        downloadBytes.add(n);
    }

    /** All calls to an endpoint, whatever the outcome. */
    public long count(String endpoint) {
        Map<Integer, LongAdder> m = counts.get(endpoint);
        return m == null ? 0 : m.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long count(String endpoint, int status) {
        Map<Integer, LongAdder> m = counts.get(endpoint);
        LongAdder a = m == null ? null : m.get(status);
        return a == null ? 0 : a.sum();
    }

    /** Every recorded call, API and object store. */
    public long total() {
        return counts.keySet().stream().mapToLong(this::count).sum();
    }

    /** Bytes received in stored part uploads. */
    public long uploadedPartBytes() {
        return partBytes.sum();
    }

    /** Body bytes sent by object downloads. */
    public long downloadedBytes() {
        return downloadBytes.sum();
    }

    /** The latest object reads (GET and HEAD of download URLs), oldest first. */
    public List<ObjectRead> objectReads() {
        return List.copyOf(objectReads);
    }

    /** endpoint → (status → count), sorted, a copy. */
    public Map<String, Map<Integer, Long>> snapshot() {
        Map<String, Map<Integer, Long>> out = new TreeMap<>();
        counts.forEach((e, m) -> {
            Map<Integer, Long> s = new TreeMap<>();
            m.forEach((st, a) -> s.put(st, a.sum()));
            out.put(e, s);
        });
        return out;
    }

    public void reset() {
        counts.clear();
        partBytes.reset();
        downloadBytes.reset();
        objectReads.clear();
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
