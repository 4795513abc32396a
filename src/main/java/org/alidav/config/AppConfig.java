package org.alidav.config;

import java.util.List;

/**
 * The whole configuration, validated.
 *
 * @param allowAnonymous whether requests without credentials are served when users are configured
 *                       or the server listens on a non-loopback address (see {@link AccessPolicy})
 * @param readOnly       refuses every write, whatever the user
 * @param downloads      download policy per client and signed links (the {@code downloads:} section)
 * @param source         where it came from (the config file as given, or "built-in defaults"):
 *                       the prefix of every {@link ConfigException} about it
 */
public record AppConfig(ServerSettings server, boolean allowAnonymous, boolean readOnly,
                        List<UserConfig> users, List<StorageConfig> storages, DownloadSettings downloads, String source) {
    public AppConfig {
        users = List.copyOf(users);
        storages = List.copyOf(storages);
    }
}
