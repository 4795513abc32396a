package org.alidav.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLocatorTest {
    @TempDir
    Path dir;

    private Optional<Path> find(Optional<Path> flag, Map<String, String> env) {
        return ConfigLocator.find(flag, env, dir);
    }

    @Test
    void looksForTheFlagThenTheVariableThenLocalThenExampleFile() throws Exception {
        assertEquals(Optional.empty(), find(Optional.empty(), Map.of()));
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/alidav.example.yaml"), "");
        assertEquals(Optional.of(Path.of("config/alidav.example.yaml")), find(Optional.empty(), Map.of()));
        Files.writeString(dir.resolve("alidav.yaml"), "");
        assertEquals(Optional.of(Path.of("alidav.yaml")), find(Optional.empty(), Map.of()));
        assertEquals(Optional.of(Path.of("/etc/alidav.yaml")), find(Optional.empty(), Map.of("ALIDAV_CONFIG", "/etc/alidav.yaml")));
        assertEquals(Optional.of(Path.of("cli.yaml")),
                find(Optional.of(Path.of("cli.yaml")), Map.of("ALIDAV_CONFIG", "/etc/alidav.yaml")));
    }

    @Test
    void aBlankVariableCountsAsUnset() {
        assertEquals(Optional.empty(), find(Optional.empty(), Map.of("ALIDAV_CONFIG", " ")));
    }

    @Test
    void notFoundExplainsHowToPassAFile() {
        assertEquals("no config file: pass --config FILE, set ALIDAV_CONFIG, or create ./alidav.yaml"
                + " (start from config/alidav.example.yaml)", ConfigLocator.notFound().getMessage());
    }
}
