package org.alidav.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeConfig() throws Exception {
        Files.writeString(dir.resolve("alidav.yaml"), """
                server: {host: 127.0.0.1, port: 8080, data_dir: ./data, log_level: info}
                users: [{name: alice, password: secret}]
                storages: [{mount: /, driver: local, root: ./files}]
                """);
    }

    private LoadedConfig resolve(Map<String, String> env, String... args) {
        return ConfigResolver.resolve(Cli.parse(args), env, dir);
    }

    @Test
    void withoutOverridesTheFileWins() {
        ServerSettings server = resolve(Map.of()).config().server();
        assertEquals(new ServerSettings("127.0.0.1", 8080, dir.resolve("data"), "info"), server);
    }

    @Test
    void environmentOverridesTheFile() {
        AppConfig config = resolve(Map.of("ALIDAV_HOST", "0.0.0.0", "ALIDAV_PORT", "9000", "ALIDAV_DATA_DIR", "state",
                "ALIDAV_READ_ONLY", "true", "ALIDAV_ALLOW_ANONYMOUS", "TRUE", "ALIDAV_LOG_LEVEL", "debug")).config();
        assertEquals(new ServerSettings("0.0.0.0", 9000, dir.resolve("state"), "debug"), config.server());
        assertTrue(config.readOnly());
        assertTrue(config.allowAnonymous());
    }

    @Test
    void commandLineOverridesTheEnvironment() {
        ServerSettings server = resolve(Map.of("ALIDAV_HOST", "0.0.0.0", "ALIDAV_PORT", "9000", "ALIDAV_DATA_DIR", "env"),
                "--host", "::1", "--port", "9100", "--data-dir", "/abs/state").config().server();
        assertEquals(new ServerSettings("::1", 9100, Path.of("/abs/state"), "info"), server);
    }

    @Test
    void blankVariablesAreIgnored() {
        assertEquals(8080, resolve(Map.of("ALIDAV_PORT", "")).config().server().port());
    }

    @Test
    void badVariablesNameTheVariable() {
        assertEquals("environment: ALIDAV_PORT: must be a port number from 0 to 65535, not 'eighty'",
                assertThrows(ConfigException.class, () -> resolve(Map.of("ALIDAV_PORT", "eighty"))).getMessage());
        assertEquals("environment: ALIDAV_READ_ONLY: must be true or false, not 'yes'",
                assertThrows(ConfigException.class, () -> resolve(Map.of("ALIDAV_READ_ONLY", "yes"))).getMessage());
        assertEquals("environment: ALIDAV_LOG_LEVEL: must be one of info, debug, warn, not 'loud'",
                assertThrows(ConfigException.class, () -> resolve(Map.of("ALIDAV_LOG_LEVEL", "loud"))).getMessage());
    }

    @Test
    void theConfigVariableChoosesTheFile() throws Exception {
        Files.writeString(dir.resolve("other.yaml"), "server: {port: 7000}\nstorages: [{mount: /, driver: local, root: x}]\n");
        assertEquals(7000, resolve(Map.of("ALIDAV_CONFIG", "other.yaml")).config().server().port());
        assertEquals("other.yaml", resolve(Map.of("ALIDAV_CONFIG", "other.yaml")).config().source());
    }

    @Test
    void warningsCoverPasswordsUnknownVariablesAndOpenAccess() {
        List<String> warnings = resolve(Map.of("ALIDAV_PROT", "1", "ALIDAV_HOST", "0.0.0.0", "ALIDAV_ALLOW_ANONYMOUS", "true",
                "ALIDAV_JAVA_OPTS", "-Xmx96m", "ALIDAV_CDS_ARCHIVE", "off"))
                .warnings();
        assertEquals(List.of("user alice has a plain-text password; run `java -jar alidav.jar hash-password`",
                "ignoring unknown environment variable ALIDAV_PROT (did you mean ALIDAV_PORT?)",
                "the server listens on 0.0.0.0 without TLS: passwords travel in clear; set server.tls_cert and server.tls_key,"
                        + " or server.tls_self_signed: true",
                "allow_anonymous is true and the server listens on 0.0.0.0: anyone who can reach it can read and change the storages"),
                warnings);
    }

    @Test
    void theAccessPolicyJudgesTheOverriddenConfig() throws Exception {
        Files.writeString(dir.resolve("alidav.yaml"), "storages: [{mount: /, driver: local, root: x}]\n");
        assertEquals("alidav.yaml: server.host: listening on 0.0.0.0 needs users"
                        + " (or allow_anonymous: true to open it to everyone who can reach it)",
                assertThrows(ConfigException.class, () -> resolve(Map.of(), "--host", "0.0.0.0")).getMessage());
    }

    @Test
    void withoutAFileOnlyTheSandboxStarts() throws Exception {
        Files.delete(dir.resolve("alidav.yaml"));
        assertEquals(ConfigLocator.notFound().getMessage(),
                assertThrows(ConfigException.class, () -> resolve(Map.of())).getMessage());
        AppConfig config = resolve(Map.of(), "--sandbox", "--port", "0").config();
        assertEquals("built-in defaults", config.source());
        assertEquals(0, config.server().port());
    }
}
