package org.alidav.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The process-wide side of {@code /-/metrics}, on the Prometheus Java client: JVM and process
 * figures (memory, GC, threads, CPU, resident memory, open files), and the counters of objects no
 * server owns (the per-user API governors). Each server keeps its own registry beside it for what
 * belongs to it (its storages, its requests), so two servers in one JVM (the tests) never clash;
 * {@link #write} puts both into one exposition.
 */
public final class Metrics {
    /** Content type of the text exposition format 0.0.4 that {@link #write} produces. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private static final PrometheusRegistry PROCESS = new PrometheusRegistry();
    private static final PrometheusTextFormatWriter TEXT = PrometheusTextFormatWriter.create();

    static {
        JvmMetrics.builder().register(PROCESS);
    }

    private Metrics() {
    }

    /** A process-wide counter; {@code name} is the exposed name, {@code _total} included. */
    public static Counter counter(String name, String help, String... labelNames) {
        return Counter.builder().name(name).help(help).labelNames(labelNames).register(PROCESS);
    }

    /** Writes the process-wide metrics and those of {@code server} in the text format. */
    public static void write(OutputStream out, PrometheusRegistry server) throws IOException {
        List<MetricSnapshot> all = new ArrayList<>();
        PROCESS.scrape().forEach(all::add);
        server.scrape().forEach(all::add);
        TEXT.write(out, new MetricSnapshots(all));
    }
}
