package org.alidav.login;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.alidav.aliyun.OpenPlatformApp;
import org.alidav.config.StorageConfig;
import org.alidav.sandbox.SandboxServer;

/** Storages and apps pointing at a running sandbox. */
public final class Sandboxes {
    private Sandboxes() {
    }

    /** An aliyundrive-open storage at {@code mount} with the sandbox's app and {@code extra} options. */
    public static StorageConfig storage(SandboxServer sandbox, String mount, Map<String, Object> extra) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("client_id", sandbox.clientId());
        options.put("client_secret", sandbox.clientSecret());
        options.put("api_base_url", sandbox.baseUrl());
        options.putAll(extra);
        return new StorageConfig(mount, "aliyundrive-open", false, StorageConfig.DEFAULT_CACHE_TTL, Optional.empty(), Optional.empty(), options);
    }

    public static OpenPlatformApp app(SandboxServer sandbox) {
        return OpenPlatformApp.of(storage(sandbox, "/", Map.of()).driverOptions());
    }
}
