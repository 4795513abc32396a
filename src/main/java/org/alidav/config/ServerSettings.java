package org.alidav.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.alidav.server.guard.ClientLimits;

/**
 * The {@code server:} section.
 *
 * @param host                address to bind, e.g. 127.0.0.1, 0.0.0.0 or ::1
 * @param port                TCP port; 0 picks a free one
 * @param dataDir             absolute directory of the server's state (rotated tokens, sandbox, shadow files)
 * @param logLevel            one of {@link #LOG_LEVELS}
 * @param trustedProxies      peers whose Forwarded / X-Forwarded-* headers are believed ({@code trusted_proxies}); none by default
 * @param spool               absolute {@code spool_dir} where upload bodies are buffered, or null for
 *                            {@code <data_dir>/spool} (see {@link #spoolDir})
 * @param maintenanceInterval how often interrupted writes are repaired and leftovers removed
 * @param limits              slow-client protection: minimum data rates, connections per address, threads for bodies
 * @param tls                 HTTPS: the certificate and key, or a self-signed one; {@link TlsSettings#NONE} for plain HTTP
 */
public record ServerSettings(String host, int port, Path dataDir, String logLevel, List<AddressRange> trustedProxies,
                             Path spool, Duration maintenanceInterval, ClientLimits limits, TlsSettings tls) {
    public static final List<String> LOG_LEVELS = List.of("info", "debug", "warn");
    public static final Duration DEFAULT_MAINTENANCE_INTERVAL = Duration.ofMinutes(5);

    public ServerSettings {
        trustedProxies = List.copyOf(trustedProxies);
        if (maintenanceInterval == null) maintenanceInterval = DEFAULT_MAINTENANCE_INTERVAL;
        if (tls == null) tls = TlsSettings.NONE;
    }

    /** No trusted proxy, the default spool folder, maintenance interval and {@linkplain ClientLimits#DEFAULTS limits}, no TLS. */
    public ServerSettings(String host, int port, Path dataDir, String logLevel) {
        this(host, port, dataDir, logLevel, List.of(), null, null, ClientLimits.DEFAULTS, TlsSettings.NONE);
    }

    /** Whether {@code peer} is one of the trusted proxies. */
    public boolean trustsProxy(InetAddress peer) {
        return trustedProxies.stream().anyMatch(range -> range.contains(peer));
    }

    /** Where upload bodies are buffered on disk: {@code spool_dir}, else {@code <data_dir>/spool}. */
    public Path spoolDir() {
        return spool != null ? spool : dataDir.resolve("spool");
    }
}
