package org.alidav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.alidav.config.AppConfig;
import org.alidav.config.ConfigException;
import org.alidav.config.ConfigLoader;
import org.alidav.dav.download.Download;
import org.alidav.drive.cache.Storage;
import org.alidav.drive.local.LocalDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** webdav_policy per storage as the config gives it: the local driver can only proxy. */
class DownloadPoliciesTest {
    @TempDir
    Path dir;

    private AppConfig config(String storage) {
        return new ConfigLoader(dir).parse("server: {data_dir: data}\nstorages:\n  - " + storage + "\n", "t.yaml").config();
    }

    /** The config's one storage, built as the application would. */
    private List<ConfiguredStorage> local(AppConfig config) throws Exception {
        Storage s = new Storage("/", new LocalDriver(Files.createDirectories(dir.resolve("files")), Clock.systemUTC()), Duration.ofSeconds(1), Clock.systemUTC());
        return List.of(new ConfiguredStorage(0, config.storages().get(0), s));
    }

    @Test
    void localStoragesProxyByDefaultAndOnly() throws Exception {
        AppConfig plain = config("{mount: /, driver: local, root: files}");
        Download p = DownloadPolicies.build(plain, local(plain), Clock.systemUTC());
        assertTrue(p.signedRoute().isEmpty(), "no signed route without use_proxy_url");
        for (String policy : new String[]{"302_redirect", "use_proxy_url, down_proxy_url: 'http://p.example'"}) {
            AppConfig c = config("{mount: /, driver: local, root: files, webdav_policy: " + policy + "}");
            List<ConfiguredStorage> storages = local(c);
            ConfigException e = assertThrows(ConfigException.class, () -> DownloadPolicies.build(c, storages, Clock.systemUTC()));
            assertTrue(e.getMessage().startsWith("t.yaml: storages[0].webdav_policy: the local driver"), e.getMessage());
        }
        AppConfig proxied = config("{mount: /, driver: local, root: files, webdav_policy: native_proxy}");
        DownloadPolicies.build(proxied, local(proxied), Clock.systemUTC());
    }

    @Test
    void proxyUrlKeysAreCheckedByTheLoader() {
        ConfigException e = assertThrows(ConfigException.class, () -> config("{mount: /, driver: local, root: files, webdav_policy: use_proxy_url}"));
        assertEquals("t.yaml: storages[0].down_proxy_url: is required when webdav_policy is use_proxy_url", e.getMessage());
    }
}
