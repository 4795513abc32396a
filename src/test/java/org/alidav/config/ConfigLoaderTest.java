package org.alidav.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alidav.dav.download.DownloadPolicy;
import org.alidav.server.guard.ClientLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Path CWD = Path.of("/srv/alidav");
    private static final String LOCAL = "storages:\n  - {mount: /, driver: local, root: ./files}\n";

    private final ConfigLoader loader = new ConfigLoader(CWD);

    private AppConfig parse(String yaml) {
        return loader.parse(yaml, "t.yaml").config();
    }

    private void assertError(String expected, String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void appliesDefaultsAndResolvesRelativePathsAgainstTheWorkingDirectory() {
        AppConfig config = parse(LOCAL);
        assertEquals(new ServerSettings("127.0.0.1", 8080, CWD.resolve("data"), "info"), config.server());
        assertEquals(false, config.allowAnonymous());
        assertEquals(false, config.readOnly());
        assertEquals(List.of(), config.users());
        assertEquals(new StorageConfig("/", "local", false, Duration.ofSeconds(60), Optional.empty(), Optional.empty(),
                Map.of("root", "/srv/alidav/files")), config.storages().get(0));
        assertEquals("t.yaml", config.source());
    }

    @Test
    void readsEveryKey() {
        AppConfig config = parse("""
                server: {host: 0.0.0.0, port: 9090, data_dir: /var/lib/alidav, log_level: DEBUG}
                allow_anonymous: true
                read_only: true
                users:
                  - {name: alice, password: "secret", read_only: true}
                  - {name: bob, password: "other"}
                storages:
                  - mount: /ali/
                    driver: aliyundrive-open
                    store_system_files: true
                    cache_ttl: 5m
                    webdav_policy: use_proxy_url
                    down_proxy_url: https://proxy.example.com/dl
                    refresh_token: abc
                    rapid_upload: true
                    root: ./not-resolved-for-other-drivers
                """);
        assertEquals(new ServerSettings("0.0.0.0", 9090, Path.of("/var/lib/alidav"), "debug"), config.server());
        assertTrue(config.allowAnonymous());
        assertTrue(config.readOnly());
        assertEquals(List.of(new UserConfig("alice", "secret", true), new UserConfig("bob", "other", false)), config.users());
        StorageConfig storage = config.storages().get(0);
        assertEquals("/ali", storage.mount());
        assertEquals("aliyundrive-open", storage.driver());
        assertTrue(storage.storeSystemFiles());
        assertEquals(Duration.ofMinutes(5), storage.cacheTtl());
        assertEquals(Optional.of(DownloadPolicy.PROXY_URL), storage.webdavPolicy());
        assertEquals(Optional.of("https://proxy.example.com/dl"), storage.downProxyUrl());
        assertEquals(List.of("refresh_token", "rapid_upload", "root"), List.copyOf(storage.driverOptions().keySet()));
        assertEquals(true, storage.driverOptions().get("rapid_upload"));
        assertEquals("./not-resolved-for-other-drivers", storage.driverOptions().get("root"));
    }

    @Test
    void readsTheSlowClientLimits() {
        AppConfig config = parse("""
                server:
                  min_request_rate: 4096
                  min_response_rate: 0
                  min_rate_grace: 30s
                  max_connections_per_address: 0
                  upload_threads: "20"
                """ + LOCAL);
        assertEquals(new ClientLimits(4096, 0, Duration.ofSeconds(30), 0, 20), config.server().limits());
        assertEquals(ClientLimits.DEFAULTS, parse(LOCAL).server().limits());
    }

    @Test
    void slowClientLimitsOutOfRangeAreRefused() {
        assertError("t.yaml: server.min_request_rate: must be a whole number from 0 to 1000000000, not '-1'",
                "server: {min_request_rate: -1}\n" + LOCAL);
        assertError("t.yaml: server.min_response_rate: must be a whole number from 0 to 1000000000, not '1KiB'",
                "server: {min_response_rate: 1KiB}\n" + LOCAL);
        assertError("t.yaml: server.min_rate_grace: must be more than 0 and at most 10m", "server: {min_rate_grace: 0s}\n" + LOCAL);
        assertError("t.yaml: server.max_connections_per_address: must be a whole number of at least 0, not '1.5'",
                "server: {max_connections_per_address: 1.5}\n" + LOCAL);
        assertError("t.yaml: server.upload_threads: must be a whole number from 1 to 125, not '0'",
                "server: {upload_threads: 0}\n" + LOCAL);
        assertError("t.yaml: server.upload_threads: must be a whole number from 1 to 125, not '200'",
                "server: {upload_threads: 200}\n" + LOCAL);
    }

    @Test
    void readsTheTlsKeys() {
        assertEquals(TlsSettings.NONE, parse(LOCAL).server().tls());
        TlsSettings files = parse("server: {tls_cert: certs/full.pem, tls_key: /etc/k.pem, tls_reload_interval: 10s}\n" + LOCAL).server().tls();
        assertEquals(new TlsSettings(Optional.of(CWD.resolve("certs/full.pem")), Optional.of(Path.of("/etc/k.pem")), false,
                Duration.ofSeconds(10)), files);
        assertTrue(files.enabled());
        TlsSettings generated = parse("server: {tls_self_signed: true}\n" + LOCAL).server().tls();
        assertTrue(generated.selfSigned() && generated.enabled());
        assertEquals(TlsSettings.DEFAULT_RELOAD_INTERVAL, generated.reloadInterval());
    }

    @Test
    void tlsKeysThatCannotWorkTogetherAreRefused() {
        assertError("t.yaml: server.tls_key: is required with tls_cert", "server: {tls_cert: c.pem}\n" + LOCAL);
        assertError("t.yaml: server.tls_cert: is required with tls_key", "server: {tls_key: k.pem}\n" + LOCAL);
        assertError("t.yaml: server.tls_self_signed: cannot be true with tls_cert and tls_key: pick your certificate or a generated one",
                "server: {tls_cert: c.pem, tls_key: k.pem, tls_self_signed: true}\n" + LOCAL);
        assertError("t.yaml: server.tls_reload_interval: must be at most 1m (a renewal is served within a minute)",
                "server: {tls_self_signed: true, tls_reload_interval: 5m}\n" + LOCAL);
    }

    @Test
    void cacheTtlAcceptsPlainSecondsAndZero() {
        assertEquals(Duration.ofSeconds(90), parse("storages: [{mount: /, driver: x, cache_ttl: 90}]").storages().get(0).cacheTtl());
        assertEquals(Duration.ZERO, parse("storages: [{mount: /, driver: x, cache_ttl: 0s}]").storages().get(0).cacheTtl());
    }

    @Test
    void spoolFolderFollowsTheDataFolderUnlessSetAndMaintenanceRunsEveryFiveMinutesUnlessSet() {
        ServerSettings defaults = parse(LOCAL).server();
        assertEquals(CWD.resolve("data").resolve("spool"), defaults.spoolDir());
        assertEquals(Duration.ofMinutes(5), defaults.maintenanceInterval());
        ServerSettings set = parse("server: {spool_dir: ./big-disk/spool, maintenance_interval: 30s}\n" + LOCAL).server();
        assertEquals(CWD.resolve("big-disk/spool"), set.spoolDir());
        assertEquals(Duration.ofSeconds(30), set.maintenanceInterval());
        assertError("t.yaml: server.maintenance_interval: must be longer than zero, not '0s'",
                "server: {maintenance_interval: 0s}\n" + LOCAL);
    }

    @Test
    void aKeyWithoutValueCountsAsAbsent() {
        AppConfig config = parse("server:\nusers:\n  # none yet\nread_only:\n" + LOCAL);
        assertEquals(8080, config.server().port());
        assertEquals(List.of(), config.users());
        assertEquals(false, config.readOnly());
        assertError("t.yaml: storages[0].driver: is required", "storages:\n  - mount: /\n    driver:\n");
    }

    @Test
    void driverOptionsKeepNullsAndCannotBeModified() {
        Map<String, Object> options = parse("storages: [{mount: /, driver: x, client_id: }]").storages().get(0).driverOptions();
        assertTrue(options.containsKey("client_id"));
        assertThrows(UnsupportedOperationException.class, () -> options.put("a", "b"));
    }

    @Test
    void unknownKeysAreRefusedWithASuggestionWhenOneIsClose() {
        assertError("t.yaml: storges: unknown key (did you mean storages?)", "storges: []\n" + LOCAL);
        assertError("t.yaml: server.prot: unknown key (did you mean port?)", "server: {prot: 1}\n" + LOCAL);
        assertError("t.yaml: server.data-dir: unknown key (did you mean data_dir?)", "server: {data-dir: x}\n" + LOCAL);
        assertError("t.yaml: server.certificate: unknown key", "server: {certificate: x}\n" + LOCAL);
        assertError("t.yaml: users[0].readonly: unknown key (did you mean read_only?)",
                "users: [{name: a, password: b, readonly: true}]\n" + LOCAL);
    }

    @Test
    void wrongTypesNameTheKeyAndTheValue() {
        assertError("t.yaml: server.port: must be a port number from 0 to 65535, not 'abc'", "server: {port: abc}\n" + LOCAL);
        assertError("t.yaml: server.port: must be a port number from 0 to 65535, not '70000'", "server: {port: 70000}\n" + LOCAL);
        assertError("t.yaml: server.port: must be a port number from 0 to 65535, not '-1'", "server: {port: -1}\n" + LOCAL);
        assertError("t.yaml: server.host: must be a string", "server: {host: [a]}\n" + LOCAL);
        assertError("t.yaml: server.log_level: must be one of info, debug, warn, not 'trace'", "server: {log_level: trace}\n" + LOCAL);
        assertError("t.yaml: server: must be a mapping of key: value", "server: 8080\n" + LOCAL);
        assertError("t.yaml: read_only: must be true or false, not 'maybe'", "read_only: maybe\n" + LOCAL);
        assertError("t.yaml: users: must be a list (one '- ' entry per item)", "users: {name: a}\n" + LOCAL);
        assertError("t.yaml: storages[0]: must be a mapping of key: value", "storages: [/]");
        assertError("t.yaml: storages[0].cache_ttl: must be a duration such as 30s, 10m or 2h, not 'soon'",
                "storages: [{mount: /, driver: x, cache_ttl: soon}]");
        assertError("t.yaml: storages[0].store_system_files: must be true or false, not '1'",
                "storages: [{mount: /, driver: x, store_system_files: 1}]");
    }

    @Test
    void missingRequiredKeys() {
        assertError("t.yaml: storages[0].mount: is required", "storages: [{driver: local}]");
        assertError("t.yaml: storages[1].driver: is required", "storages: [{mount: /, driver: x}, {mount: /a}]");
        assertError("t.yaml: storages[0].driver: must not be empty", "storages: [{mount: /, driver: ''}]");
        assertError("t.yaml: users[0].password: is required", "users: [{name: alice}]\n" + LOCAL);
        assertError("t.yaml: users[0].name: is required", "users: [{password: x}]\n" + LOCAL);
    }

    @Test
    void storagesMustNotBeEmpty() {
        String expected = "t.yaml: storages: needs at least one storage, e.g. {mount: /, driver: local, root: ./data/files}";
        assertError(expected, "storages: []");
        assertError(expected, "read_only: false");
    }

    @Test
    void mountsAreNormalisedAndMustBeAbsoluteWithoutDotSegments() {
        assertEquals("/media", parse("storages: [{mount: /media/, driver: x}]").storages().get(0).mount());
        assertEquals("/a/b", parse("storages: [{mount: '//a//b/', driver: x}]").storages().get(0).mount());
        assertEquals("/", parse("storages: [{mount: /, driver: x}]").storages().get(0).mount());
        assertError("t.yaml: storages[0].mount: must be an absolute path starting with '/', not 'media'",
                "storages: [{mount: media, driver: x}]");
        assertError("t.yaml: storages[0].mount: must not contain a '..' segment: '/a/../b'",
                "storages: [{mount: /a/../b, driver: x}]");
        assertError("t.yaml: storages[0].mount: must not contain a '.' segment: '/./a'",
                "storages: [{mount: /./a, driver: x}]");
    }

    @Test
    void duplicateMountsAreFoundAfterNormalising() {
        assertError("t.yaml: storages[2].mount: duplicate mount '/a' (already used by storages[0])",
                "storages: [{mount: /a, driver: x}, {mount: /, driver: x}, {mount: /a/, driver: y}]");
    }

    @Test
    void userNamesAreUniqueAndWithoutColons() {
        assertError("t.yaml: users[1].name: duplicate user 'alice' (already defined at users[0])",
                "users: [{name: alice, password: a}, {name: alice, password: b}]\n" + LOCAL);
        assertError("t.yaml: users[0].name: must not contain ':'", "users: [{name: 'a:b', password: a}]\n" + LOCAL);
    }

    @Test
    void passwordsMustBeQuotedTextBecauseYamlReadsSomeAsNumbers() {
        assertError("t.yaml: users[0].password: must be text; put it in quotes", "users: [{name: a, password: 0123}]\n" + LOCAL);
    }

    @Test
    void plainTextPasswordsAreAcceptedWithAWarning() {
        LoadedConfig loaded = loader.parse("users: [{name: alice, password: secret}]\n" + LOCAL, "t.yaml");
        assertEquals(List.of("user alice has a plain-text password; run `java -jar alidav.jar hash-password`"), loaded.warnings());
    }

    @Test
    void hashedPasswordsAreCheckedAndNotWarnedAbout() {
        String hash = PasswordHasher.hash("pw".toCharArray(), 1000);
        LoadedConfig loaded = loader.parse("users: [{name: alice, password: '" + hash + "'}]\n" + LOCAL, "t.yaml");
        assertEquals(List.of(), loaded.warnings());
        assertError("t.yaml: users[0].password: must look like pbkdf2:<iterations>:<base64 salt>:<base64 hash>"
                + " (made by `java -jar alidav.jar hash-password`)", "users: [{name: a, password: 'pbkdf2:x:y'}]\n" + LOCAL);
    }

    @Test
    void trustedProxiesAreAddressesOrBlocks() throws Exception {
        ServerSettings server = parse("server: {trusted_proxies: [127.0.0.1, '10.0.0.0/8', '::1']}\n" + LOCAL).server();
        assertEquals(List.of("127.0.0.1", "10.0.0.0/8", "::1"), server.trustedProxies().stream().map(AddressRange::text).toList());
        assertTrue(server.trustsProxy(java.net.InetAddress.getByName("10.2.3.4")));
        assertTrue(!server.trustsProxy(java.net.InetAddress.getByName("192.168.1.1")));
        assertEquals(List.of(), parse(LOCAL).server().trustedProxies(), "none by default");
        assertError("t.yaml: server.trusted_proxies: [1] must be an IP address or a CIDR block such as 192.168.0.0/16, not 'proxy.lan'",
                "server: {trusted_proxies: [10.0.0.1, proxy.lan]}\n" + LOCAL);
        assertError("t.yaml: server.trusted_proxies: must be a list such as [a, b]", "server: {trusted_proxies: 10.0.0.1}\n" + LOCAL);
    }

    @Test
    void userMountsMustNameConfiguredStorages() {
        String two = "storages:\n  - {mount: /local, driver: local, root: ./files}\n  - {mount: /media/, driver: local, root: ./m}\n";
        AppConfig config = parse("users: [{name: a, password: x, mounts: [/local, /media]}, {name: b, password: y}]\n" + two);
        assertEquals(List.of("/local", "/media"), config.users().get(0).mounts());
        assertEquals(List.of(), config.users().get(1).mounts(), "no mounts key: every mount");
        assertError("t.yaml: users[1].mounts: '/ali' is not the mount of any storage (mounted: /local, /media)",
                "users: [{name: a, password: x}, {name: b, password: y, mounts: [/local, /ali]}]\n" + two);
        assertError("t.yaml: users[0].mounts: must name at least one mount, such as [/ali]; leave it out for every mount",
                "users: [{name: a, password: x, mounts: []}]\n" + two);
        assertError("t.yaml: users[0].mounts: [0] must be an absolute path starting with '/', not 'local'",
                "users: [{name: a, password: x, mounts: [local]}]\n" + two);
    }

    @Test
    void webdavPolicyAndDownProxyUrlGoTogether() {
        assertError("t.yaml: storages[0].webdav_policy: must be one of 302_redirect, native_proxy, use_proxy_url, not 'redirect'",
                "storages: [{mount: /, driver: x, webdav_policy: redirect}]");
        // a client rule's "storage" names no way of its own
        assertError("t.yaml: storages[0].webdav_policy: must be one of 302_redirect, native_proxy, use_proxy_url, not 'storage'",
                "storages: [{mount: /, driver: x, webdav_policy: storage}]");
        assertError("t.yaml: storages[0].down_proxy_url: is required when webdav_policy is use_proxy_url",
                "storages: [{mount: /, driver: x, webdav_policy: use_proxy_url}]");
        assertError("t.yaml: storages[0].down_proxy_url: is only used with webdav_policy: use_proxy_url",
                "storages: [{mount: /, driver: x, down_proxy_url: 'http://p'}]");
        assertError("t.yaml: storages[0].down_proxy_url: must be an http:// or https:// URL, not 'ftp://p'",
                "storages: [{mount: /, driver: x, webdav_policy: use_proxy_url, down_proxy_url: 'ftp://p'}]");
        assertEquals(Optional.of(DownloadPolicy.REDIRECT),
                parse("storages: [{mount: /, driver: x, webdav_policy: 302_Redirect}]").storages().get(0).webdavPolicy());
    }

    @Test
    void yamlErrorsTellLineAndColumn() {
        assertError("t.yaml: line 3, column 8: invalid YAML: mapping values are not allowed here",
                "server:\n  port: 80\n   host: x\n" + LOCAL);
        assertError("t.yaml: line 2, column 10: invalid YAML: Duplicate field 'read_only'", "read_only: true\nread_only: false\n");
    }

    @Test
    void wholeFileProblems() {
        assertError("t.yaml: the file is empty; see config/alidav.example.yaml", "# only a comment\n");
        assertError("t.yaml: must be a YAML mapping with server, users and storages keys", "- a\n- b\n");
    }

    @Test
    void loadReadsTheFileRelativeToTheWorkingDirectoryAndNamesItAsGiven(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("my.yaml"), "server: {port: nope}\n" + LOCAL);
        ConfigLoader inDir = new ConfigLoader(dir);
        ConfigException e = assertThrows(ConfigException.class, () -> inDir.load(Path.of("my.yaml")));
        assertEquals("my.yaml: server.port: must be a port number from 0 to 65535, not 'nope'", e.getMessage());
        assertEquals("missing.yaml: no such file",
                assertThrows(ConfigException.class, () -> inDir.load(Path.of("missing.yaml"))).getMessage());
    }

    @Test
    void defaultsServeTheLocalDataFolderOnLoopback() {
        AppConfig config = loader.defaults().config();
        assertEquals("built-in defaults", config.source());
        assertEquals("127.0.0.1", config.server().host());
        assertEquals(CWD.resolve("data"), config.server().dataDir());
        assertEquals(Map.of("root", "/srv/alidav/data/files"), config.storages().get(0).driverOptions());
        assertEquals("local", config.storages().get(0).driver());
    }
}
