package org.alidav.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.alidav.dav.download.DownloadPolicy;
import org.junit.jupiter.api.Test;

/** config/alidav.example.yaml must load as it is, and with every switched-off setting switched on. */
class ExampleConfigTest {
    private static final Path EXAMPLE = Path.of("config", "alidav.example.yaml");
    private static final Path CWD = Path.of("/srv/alidav");

    /** The example's convention: "#" plus two spaces at the start of a line is a switched-off setting. */
    private static String everythingSwitchedOn() throws Exception {
        return Files.readAllLines(EXAMPLE).stream()
                .map(line -> line.startsWith("#  ") ? line.substring(1) : line)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void servesTheLocalDataFolderAsItIs() {
        LoadedConfig loaded = new ConfigLoader(CWD).load(EXAMPLE.toAbsolutePath()); // the real file, paths resolved against CWD
        AppConfig config = loaded.config();
        assertEquals(new ServerSettings("127.0.0.1", 8080, CWD.resolve("data"), "info"), config.server());
        assertEquals(List.of(), config.users());
        assertEquals(1, config.storages().size());
        StorageConfig storage = config.storages().get(0);
        assertEquals("/", storage.mount());
        assertEquals("local", storage.driver());
        assertEquals(Map.of("root", "/srv/alidav/data/files", "create_root", true), storage.driverOptions());
        assertEquals(List.of(), loaded.warnings());
        assertEquals(List.of(), AccessPolicy.check(config));
        assertEquals(DownloadSettings.defaults(), config.downloads(), "the example shows the built-in download defaults");
    }

    @Test
    void loadsWithEverySettingSwitchedOn() throws Exception {
        AppConfig config = new ConfigLoader(CWD).parse(everythingSwitchedOn(), "example").config();
        UserConfig alice = config.users().get(0);
        assertEquals("alice", alice.name());
        assertTrue(PasswordHasher.isHashed(alice.passwordSpec()));
        StorageConfig aliyun = config.storages().get(1);
        assertEquals("/aliyun", aliyun.mount());
        assertEquals("aliyundrive-open", aliyun.driver());
        assertEquals(Optional.empty(), aliyun.downProxyUrl(), "no download goes to the example's proxy");
        assertEquals(Optional.of(DownloadPolicy.REDIRECT), aliyun.webdavPolicy());
        assertEquals(new TlsSettings(Optional.of(Path.of("/etc/letsencrypt/live/dav.example.com/fullchain.pem")),
                Optional.of(Path.of("/etc/letsencrypt/live/dav.example.com/privkey.pem")), false, Duration.ofSeconds(30)), config.server().tls());
        // which driver options it shows, and that their values read: OptionListTest, from the declarations
        assertEquals("paste-your-refresh-token", aliyun.driverOptions().get("refresh_token"));
        StorageConfig backup = config.storages().get(2);
        assertEquals(aliyun.driverOptions().get("refresh_token"), backup.driverOptions().get("refresh_token"));
        assertEquals("backup", backup.driverOptions().get("drive_type"));
        assertEquals(DownloadSettings.DEFAULT_RULES.size() + 1, config.downloads().clientRules().size());
        assertEquals("192.168.1.0/24", config.downloads().clientRules().get(DownloadSettings.DEFAULT_RULES.size()).address().orElseThrow().text());
        assertEquals(false, alice.admin());
        StorageConfig local = config.storages().get(0);
        assertEquals(java.time.Duration.ofMinutes(5), local.cacheStaleGrace());
        assertEquals(List.of(new StorageConfig.CacheRule("/Archive{,/**}", java.time.Duration.ofHours(1))), local.cacheRules());
    }

    /** A user switches on one block at a time: each must load by itself, the AliyunDrive storage serving by its own default. */
    @Test
    void loadsWithEachSwitchedOffBlockSwitchedOnAlone() throws Exception {
        List<String> lines = Files.readAllLines(EXAMPLE);
        int blocks = 0;
        for (int start = 0; start < lines.size(); start++) {
            if (!lines.get(start).startsWith("#  ") || (start > 0 && lines.get(start - 1).startsWith("#  "))) continue;
            List<String> edited = new ArrayList<>(lines);
            for (int i = start; i < lines.size() && lines.get(i).startsWith("#  "); i++) edited.set(i, lines.get(i).substring(1));
            String block = lines.get(start);
            AppConfig config = new ConfigLoader(CWD).parse(String.join("\n", edited), "example, block at line " + (start + 1)).config();
            config.storages().stream().filter(st -> st.driver().equals("aliyundrive-open")).forEach(aliyun -> {
                assertEquals(Optional.empty(), aliyun.downProxyUrl(), block);
                assertTrue(aliyun.webdavPolicy().map(DownloadPolicy.REDIRECT::equals).orElse(true), block); // unset: the driver's own 302
            });
            blocks++;
        }
        assertTrue(blocks >= 8, "blocks found: " + blocks);
    }
}
