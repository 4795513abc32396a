package org.alidav.faults;

import java.nio.file.Path;
import java.time.Duration;
import org.alidav.config.ServerSettings;
import org.alidav.sandbox.SandboxServer;

/**
 * The config of the server under test: one aliyundrive-open storage at {@code /} on the sandbox,
 * reads streamed through the server (so object faults reach the driver), a part size small enough for
 * a few parts per body, quick retries and client-side pacing above what
 * the tests send, so faults, not waiting, decide the outcome.
 */
record ServerConfig(Path dataDir, String apiBaseUrl, String clientId, String clientSecret, String refreshToken,
                    String removeWay, Duration maintenanceInterval) {
    /** The service's smallest part (docs/open-api.md, "Uploads"): bodies of 2.5 parts have three. */
    static final int PART_SIZE = 100 * 1024;

    /** With the default maintenance interval (one pass at start, then rarely: tests run passes themselves). */
    static ServerConfig on(SandboxServer sandbox, Path dataDir, String refreshToken, String removeWay) {
        return new ServerConfig(dataDir, sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret(), refreshToken, removeWay,
                ServerSettings.DEFAULT_MAINTENANCE_INTERVAL);
    }

    ServerConfig withMaintenanceInterval(Duration interval) {
        return new ServerConfig(dataDir, apiBaseUrl, clientId, clientSecret, refreshToken, removeWay, interval);
    }

    /** Where the server buffers upload bodies (the default {@code <data_dir>/spool}). */
    Path spoolDir() {
        return dataDir.resolve("spool");
    }

    String yaml() {
        return "server: {host: 127.0.0.1, port: 0, data_dir: '" + dataDir + "', maintenance_interval: "
                + maintenanceInterval.toMillis() + "ms}\n"
                + "storages:\n"
                + "  - mount: /\n"
                + "    driver: aliyundrive-open\n"
                + "    webdav_policy: native_proxy\n"
                + "    refresh_token: '" + refreshToken + "'\n"
                + "    client_id: '" + clientId + "'\n"
                + "    client_secret: '" + clientSecret + "'\n"
                + "    api_base_url: '" + apiBaseUrl + "'\n"
                + "    remove_way: " + removeWay + "\n"
                + "    part_size: " + PART_SIZE + "\n"
                + "    retry_backoff: 50ms\n"
                + "    max_wait: 5s\n"
                + "    list_rate: 200\n"
                + "    other_rate: 200\n";
    }
}
