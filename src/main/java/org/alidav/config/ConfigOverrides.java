package org.alidav.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alidav.option.Option;

/**
 * Values that replace those of the config file, from the environment ({@code ALIDAV_*}) or the
 * command line. Precedence: command line over environment over file, see {@link #over}.
 *
 * @param dataDir as written; made absolute against the working directory by {@link #applyTo}
 */
public record ConfigOverrides(Optional<String> host, Optional<Integer> port, Optional<String> dataDir,
                              Optional<Boolean> readOnly, Optional<Boolean> allowAnonymous,
                              Optional<String> logLevel) {

    public static final String ENV_HOST = "ALIDAV_HOST";
    public static final String ENV_PORT = "ALIDAV_PORT";
    public static final String ENV_DATA_DIR = "ALIDAV_DATA_DIR";
    public static final String ENV_READ_ONLY = "ALIDAV_READ_ONLY";
    public static final String ENV_ALLOW_ANONYMOUS = "ALIDAV_ALLOW_ANONYMOUS";
    public static final String ENV_LOG_LEVEL = "ALIDAV_LOG_LEVEL";
    /** Every {@code ALIDAV_*} variable the server reads, including {@link ConfigLocator#ENV_CONFIG}. */
    public static final Set<String> ENV_VARIABLES = Set.of(ENV_HOST, ENV_PORT, ENV_DATA_DIR, ENV_READ_ONLY,
            ENV_ALLOW_ANONYMOUS, ENV_LOG_LEVEL, ConfigLocator.ENV_CONFIG);

    public static final ConfigOverrides NONE = new ConfigOverrides(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** Reads the {@code ALIDAV_*} variables of {@code env}; empty ones count as unset. */
    public static ConfigOverrides fromEnvironment(Map<String, String> env) {
        return new ConfigOverrides(
                variable(env, ENV_HOST, ConfigKeys.HOST).map(String::trim),
                variable(env, ENV_PORT, ConfigKeys.PORT),
                variable(env, ENV_DATA_DIR, ConfigKeys.DATA_DIR),
                variable(env, ENV_READ_ONLY, ConfigKeys.READ_ONLY),
                variable(env, ENV_ALLOW_ANONYMOUS, ConfigKeys.ALLOW_ANONYMOUS),
                variable(env, ENV_LOG_LEVEL, ConfigKeys.LOG_LEVEL));
    }

    public static ConfigOverrides fromCommandLine(CliArgs cli) {
        return new ConfigOverrides(cli.host(), cli.port(), cli.dataDir().map(Path::toString),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The variable {@code name}, read as the config file reads the key {@code option}. */
    private static <T> Optional<T> variable(Map<String, String> env, String name, Option<T> option) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return Optional.empty();
        try {
            return Optional.of(option.type().parse(value));
        } catch (IllegalArgumentException e) {
            throw ConfigException.at("environment", name, e.getMessage());
        }
    }

    /** These overrides, each falling back to the one of {@code weaker} where unset. */
    public ConfigOverrides over(ConfigOverrides weaker) {
        return new ConfigOverrides(host.or(weaker::host), port.or(weaker::port), dataDir.or(weaker::dataDir),
                readOnly.or(weaker::readOnly), allowAnonymous.or(weaker::allowAnonymous), logLevel.or(weaker::logLevel));
    }

    public AppConfig applyTo(AppConfig config, Path workingDirectory) {
        ServerSettings s = config.server();
        ServerSettings server = new ServerSettings(host.orElse(s.host()), port.orElse(s.port()),
                dataDir.map(d -> ConfigLoader.resolve(workingDirectory, d)).orElse(s.dataDir()),
                logLevel.orElse(s.logLevel()), s.trustedProxies(), s.spool(), s.maintenanceInterval(), s.limits(), s.tls());
        return new AppConfig(server, allowAnonymous.orElse(config.allowAnonymous()), readOnly.orElse(config.readOnly()),
                config.users(), config.storages(), config.downloads(), config.source());
    }
}
