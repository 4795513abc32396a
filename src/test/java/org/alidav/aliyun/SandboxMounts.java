package org.alidav.aliyun;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.alidav.sandbox.SandboxServer;

/** Server configs whose storages are aliyundrive-open mounts of a running sandbox, reads proxied, no users. */
final class SandboxMounts {
    private SandboxMounts() {
    }

    /** One storage block: {@code mount} served with {@code refreshToken}, plus {@code options} (key → YAML value). */
    static String storage(SandboxServer sandbox, String mount, String refreshToken, Map<String, String> options) {
        return "  - mount: " + mount + "\n"
                + "    driver: aliyundrive-open\n"
                + "    webdav_policy: native_proxy\n"
                + "    refresh_token: '" + refreshToken + "'\n"
                + "    client_id: '" + sandbox.clientId() + "'\n"
                + "    client_secret: '" + sandbox.clientSecret() + "'\n"
                + "    api_base_url: '" + sandbox.baseUrl() + "'\n"
                + "    retry_backoff: 50ms\n"
                + options.entrySet().stream().map(e -> "    " + e.getKey() + ": " + e.getValue() + "\n").collect(Collectors.joining());
    }

    /** A whole config: {@code storages} are blocks made by {@link #storage}. */
    static String yaml(Path dataDir, String... storages) {
        return "server: {host: 127.0.0.1, port: 0, data_dir: '" + dataDir + "'}\nstorages:\n" + String.join("", storages);
    }
}
