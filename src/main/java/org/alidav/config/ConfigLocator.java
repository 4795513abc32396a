package org.alidav.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which config file to read: {@code --config}, else {@code ALIDAV_CONFIG}, else {@code ./alidav.yaml}
 * if present, else {@code config/alidav.example.yaml} if present. Paths are answered as written
 * (relative to the working directory) so that messages show them the way the user knows them.
 */
public final class ConfigLocator {
    public static final String ENV_CONFIG = "ALIDAV_CONFIG";
    static final Path LOCAL_FILE = Path.of("alidav.yaml");
    static final Path EXAMPLE_FILE = Path.of("config", "alidav.example.yaml");

    private ConfigLocator() {
    }

    public static Optional<Path> find(Optional<Path> flag, Map<String, String> env, Path workingDirectory) {
        if (flag.isPresent()) return flag;
        String fromEnv = env.get(ENV_CONFIG);
        if (fromEnv != null && !fromEnv.isBlank()) return Optional.of(Path.of(fromEnv.trim()));
        if (Files.isRegularFile(workingDirectory.resolve(LOCAL_FILE))) return Optional.of(LOCAL_FILE);
        if (Files.isRegularFile(workingDirectory.resolve(EXAMPLE_FILE))) return Optional.of(EXAMPLE_FILE);
        return Optional.empty();
    }

    public static ConfigException notFound() {
        return new ConfigException("no config file: pass --config FILE, set " + ENV_CONFIG
                + ", or create ./alidav.yaml (start from config/alidav.example.yaml)");
    }
}
