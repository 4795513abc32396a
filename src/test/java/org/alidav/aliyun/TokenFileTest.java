package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.alidav.config.StorageConfig;
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
        TokenFile file = TokenFile.of(sc, dataDir);

        file.saveLogin("login-refresh", "login-access");

        Path expected = dataDir.resolve("storages").resolve("ali%2Fmain").resolve("aliyundrive-open-token.json");
        assertEquals(expected, file.path());
        assertFalse(Files.exists(expected.resolveSibling(expected.getFileName() + ".tmp")), "no temp file left");
        // what the driver's TokenManager starts from after a restart with the unchanged config
        TokenState start = new TokenStore(sc.stateDir(dataDir)).initial("old-config-token");
        assertEquals("login-refresh", start.refreshToken());
        assertEquals("login-access", start.accessToken());
    }

    @Test
    void aTokenPastedIntoTheConfigLaterStillWins() throws Exception {
        StorageConfig sc = storage("/", Map.of("refresh_token", "old-config-token"));
        TokenFile.of(sc, dataDir).saveLogin("login-refresh", "login-access");

        TokenState start = new TokenStore(sc.stateDir(dataDir)).initial("pasted-later");

        assertEquals("pasted-later", start.refreshToken());
    }

    @Test
    void aStorageWithoutAConfigTokenKeepsTheLoginAsItsChain() throws Exception {
        StorageConfig sc = storage("/", Map.of());
        TokenFile.of(sc, dataDir).saveLogin("login-refresh", null);

        TokenState stored = new TokenStore(sc.stateDir(dataDir)).load().orElseThrow();

        assertEquals("login-refresh", stored.refreshToken());
        assertEquals(TokenStore.fingerprint("login-refresh"), stored.origin());
        assertEquals(dataDir.resolve("storages").resolve("root").resolve("aliyundrive-open-token.json"), TokenFile.of(sc, dataDir).path());
    }
}
