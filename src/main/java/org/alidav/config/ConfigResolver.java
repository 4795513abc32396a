package org.alidav.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alidav.option.KeySuggestion;

/**
 * The configuration the server starts with: the located file (or, in sandbox mode without one,
 * {@link ConfigLoader#defaults()}), overridden by the environment, overridden by the command line,
 * and passed through {@link AccessPolicy}.
 */
public final class ConfigResolver {
    private ConfigResolver() {
    }

    /**
     * Throws {@link ConfigException}; the warnings of the answer are meant for the log. The server
     * calls it with {@code System.getenv()} and {@code Path.of("")}.
     */
    public static LoadedConfig resolve(CliArgs cli, Map<String, String> env, Path workingDirectory) {
        ConfigLoader loader = new ConfigLoader(workingDirectory);
        LoadedConfig loaded = ConfigLocator.find(cli.config(), env, workingDirectory).map(loader::load)
                .orElseGet(() -> {
                    if (!cli.sandbox()) throw ConfigLocator.notFound();
                    return loader.defaults();
                });
        ConfigOverrides overrides = ConfigOverrides.fromCommandLine(cli).over(ConfigOverrides.fromEnvironment(env));
        AppConfig config = overrides.applyTo(loaded.config(), workingDirectory);
        List<String> warnings = new ArrayList<>(loaded.warnings());
        warnings.addAll(unknownVariables(env));
        warnings.addAll(AccessPolicy.check(config));
        return new LoadedConfig(config, warnings);
    }

    /** A misspelt variable would otherwise be ignored without a word. */
    private static List<String> unknownVariables(Map<String, String> env) {
        return env.keySet().stream()
                .filter(name -> name.startsWith("ALIDAV_") && !ConfigOverrides.ENV_VARIABLES.contains(name))
                .sorted()
                .map(name -> "ignoring unknown environment variable " + name
                        + KeySuggestion.hint(name, ConfigOverrides.ENV_VARIABLES))
                .toList();
    }
}
