package org.alidav;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alidav.config.AppConfig;
import org.alidav.config.StorageConfig;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;

/**
 * {@code --sandbox}: starts the offline Open API emulator under {@code <data_dir>/sandbox} and serves
 * it at {@code /} through the real aliyundrive-open driver, in place of the configured storages, so
 * the whole product can be tried with no account and no network.
 */
final class SandboxMode {
    private SandboxMode() {
    }

    static SandboxServer start(AppConfig config, Clock clock) throws Exception {
        Path dir = config.server().dataDir().resolve("sandbox");
        Files.createDirectories(dir);
        return SandboxServer.start(SandboxOptions.builder().dataDir(dir).clock(clock).build());
    }

    /** The config with one aliyundrive-open storage at {@code /} pointing at the running sandbox. */
    static AppConfig mount(AppConfig config, SandboxServer sandbox) throws IOException {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("refresh_token", Files.readString(sandbox.defaultRefreshTokenFile()).trim());
        options.put("client_id", sandbox.clientId());
        options.put("client_secret", sandbox.clientSecret());
        options.put("api_base_url", sandbox.baseUrl());
        StorageConfig storage = new StorageConfig("/", "aliyundrive-open", false, StorageConfig.DEFAULT_CACHE_TTL,
                Optional.empty(), Optional.empty(), options);
        return new AppConfig(config.server(), config.allowAnonymous(), config.readOnly(), config.users(), List.of(storage), config.downloads(),
                config.source() + " + --sandbox");
    }
}
