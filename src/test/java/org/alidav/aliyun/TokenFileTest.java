package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.alidav.config.StorageConfig;
import org.alidav.drive.DriverOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {
    @TempDir
    Path dataDir;

    private static StorageConfig storage(String mount, Map<String, Object> options) {
        return new StorageConfig(mount, "aliyundrive-open", false, StorageConfig.DEFAULT_CACHE_TTL, Optional.empty(), Optional.empty(), options);
    }

    @Test
    void theLoginIsWrittenWhereTheDriverReadsItAndWinsOverTheOlderConfigToken() throws Exception {
        StorageConfig sc = storage("/ali/main", Map.of("refresh_token", "old-config-token", "client_id", "a", "client_secret", "b"));
        TokenFile file = TokenFile.of(sc.driverOptions(), dataDir);

        file.saveLogin("login-refresh", "login-access");

        Path expected = TokenFile.chainFile(dataDir, AliyunOptions.read(new DriverOptions(AliyunOptions.OPTIONS, sc.driverOptions())));
        assertEquals(dataDir.resolve("tokens"), expected.getParent());
        assertEquals(expected, file.path());
        assertFalse(Files.exists(expected.resolveSibling(expected.getFileName() + ".tmp")), "no temp file left");
        // what the driver's TokenManager starts from after a restart with the unchanged config
        TokenState start = new TokenStore(file.path(), null).initial("old-config-token").orElseThrow();
        assertEquals("login-refresh", start.refreshToken());
        assertEquals("login-access", start.accessToken());
    }

    @Test
    void aTokenPastedIntoTheConfigLaterStillWins() throws Exception {
        StorageConfig sc = storage("/", Map.of("refresh_token", "old-config-token"));
        TokenFile file = TokenFile.of(sc.driverOptions(), dataDir);
        file.saveLogin("login-refresh", "login-access");

        TokenState start = new TokenStore(file.path(), null).initial("pasted-later").orElseThrow();

        assertEquals("pasted-later", start.refreshToken());
    }

    @Test
    void aStorageWithoutAConfigTokenKeepsTheLoginAsItsChain() throws Exception {
        StorageConfig sc = storage("/", Map.of());
        TokenFile file = TokenFile.of(sc.driverOptions(), dataDir);
        file.saveLogin("login-refresh", null);

        TokenState stored = new TokenStore(file.path(), null).initial(null).orElseThrow();

        assertEquals("login-refresh", stored.refreshToken());
        assertEquals(TokenStore.fingerprint("login-refresh"), stored.origin());
        assertEquals(file.path(), TokenFile.of(storage("/other", Map.of()).driverOptions(), dataDir).path(), "storages of one app without a token share it");
        assertNotEquals(file.path(), TokenFile.of(storage("/b", Map.of("account", "bob")).driverOptions(), dataDir).path(), "unless account tells them apart");
    }
}
