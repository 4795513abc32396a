package org.alidav.server;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.alidav.dav.mount.MountSpec;
import org.alidav.drive.cache.Storage;
import org.alidav.metrics.Metrics;
import org.alidav.metrics.RequestMetrics;

/**
 * What one server exposes on {@code /-/metrics} beside the process-wide figures: each storage's
 * cache, stream and byte counts (labelled by mount path, read when scraped), the requests it
 * answered, and its version.
 */
final class ServerMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final RequestMetrics requests = new RequestMetrics(registry);

    ServerMetrics(List<MountSpec> mounts) {
        counter(mounts, "alidav_cache_hits_total", "folder listings answered from a fresh cache entry", s -> s.cacheStats().hits());
        counter(mounts, "alidav_cache_stale_hits_total", "folder listings answered from a stale entry while it was refreshed in the background",
                s -> s.cacheStats().staleHits());
        counter(mounts, "alidav_cache_misses_total", "folder listings that had to be fetched before answering", s -> s.cacheStats().misses());
        counter(mounts, "alidav_cache_refreshes_total", "background refreshes of stale listings", s -> s.cacheStats().backgroundRefreshes());
        gauge(mounts, "alidav_cache_folders", "folders whose listing is cached", Storage::cachedFolders);
        gauge(mounts, "alidav_cache_entries", "entries held by cached listings", Storage::cachedEntries);
        gauge(mounts, "alidav_active_streams", "downloads being streamed through this server", Storage::activeStreams);
        counter(mounts, "alidav_upload_bytes_total", "file body bytes received by uploads", Storage::uploadBytes);
        counter(mounts, "alidav_download_bytes_total", "file bytes streamed to clients through this server", Storage::downloadBytes);
        gauge(mounts, "alidav_storage_up", "1 unless the storage has no usable login (dead token or none)",
                s -> s.health().status().equals("down") || s.health().status().equals("needs_login") ? 0 : 1);
        Info.builder().name("alidav_info").help("the server's version").labelNames("version").register(registry)
                // the jar's manifest, as --version reads it; not asked of config.Cli, which depends on this package
                .setLabelValues(java.util.Objects.requireNonNullElse(ServerMetrics.class.getPackage().getImplementationVersion(), "dev"));
    }

    RequestMetrics requests() {
        return requests;
    }

    void write(OutputStream out) throws IOException {
        Metrics.write(out, registry);
    }

    private void counter(List<MountSpec> mounts, String name, String help, ToDoubleFunction<Storage> value) {
        CounterWithCallback.builder().name(name).help(help).labelNames("storage")
                .callback(c -> mounts.forEach(m -> c.call(value.applyAsDouble(m.storage()), m.mountPath()))).register(registry);
    }

    private void gauge(List<MountSpec> mounts, String name, String help, ToDoubleFunction<Storage> value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames("storage")
                .callback(g -> mounts.forEach(m -> g.call(value.applyAsDouble(m.storage()), m.mountPath()))).register(registry);
    }
}
