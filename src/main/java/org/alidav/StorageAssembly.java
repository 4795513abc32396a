package org.alidav;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.alidav.aliyun.AliyunOpenDriverFactory;
import org.alidav.aliyun.TokenChains;
import org.alidav.aliyun.UserPacing;
import org.alidav.config.AppConfig;
import org.alidav.config.ConfigException;
import org.alidav.config.StorageConfig;
import org.alidav.drive.Driver;
import org.alidav.drive.DriverContext;
import org.alidav.drive.DriverFactory;
import org.alidav.drive.DriverOptions;
import org.alidav.drive.cache.CachePolicy;
import org.alidav.drive.cache.Storage;
import org.alidav.drive.local.LocalDriverFactory;
import org.alidav.drive.remote.PacingClock;
import org.alidav.state.StateStore;

/**
 * Turns the configured storages into running {@link Storage}s: picks each driver's factory, refuses
 * options the driver does not declare (naming the file and key), and lets the driver read the rest.
 */
final class StorageAssembly {
    private final Map<String, DriverFactory> factories;
    private final Clock clock;
    private final StateStore state;

    StorageAssembly(List<DriverFactory> factories, Clock clock, StateStore state) {
        this.factories = factories.stream().collect(Collectors.toMap(DriverFactory::name, Function.identity()));
        this.clock = clock;
        this.state = state;
    }

    /**
     * The drivers this server has. Each call makes a new registry of per-user pacing and one of token
     * chains: the storages of one user built from these factories share them.
     */
    static List<DriverFactory> drivers() {
        return drivers(PacingClock.SYSTEM);
    }

    /** As above, the pacing on {@code pacing} (tests run it faster than real time). */
    static List<DriverFactory> drivers(PacingClock pacing) {
        return List.of(new LocalDriverFactory(), new AliyunOpenDriverFactory(new UserPacing(pacing), new TokenChains()));
    }

    /** One storage per configured entry, in config order, each with its entry; on any error the ones built are closed. */
    List<ConfiguredStorage> build(AppConfig config) {
        List<ConfiguredStorage> built = new ArrayList<>();
        try {
            for (int i = 0; i < config.storages().size(); i++) built.add(new ConfiguredStorage(i, config.storages().get(i), build(config, i)));
            return built;
        } catch (RuntimeException e) {
            built.forEach(c -> c.storage().close());
            throw e;
        }
    }

    private Storage build(AppConfig config, int index) {
        StorageConfig sc = config.storages().get(index);
        DriverFactory factory = factories.get(sc.driver());
        if (factory == null) {
            throw ConfigException.forStorageOption(config, index, "driver",
                    "unknown driver '" + sc.driver() + "' (known: " + String.join(", ", factories.keySet().stream().sorted().toList()) + ")");
        }
        DriverOptions options = new DriverOptions(factory.options(), sc.driverOptions());
        Set<String> unknown = options.unknownKeys();
        if (!unknown.isEmpty()) throw ConfigException.forUnknownDriverOptions(config, index, unknown, factory.options().names());
        Driver driver;
        try {
            driver = factory.create(options, new DriverContext(sc.mount(), sc.stateDir(config.server().dataDir()), clock, state,
                    config.server().spoolDir(), config.server().dataDir()));
        } catch (DriverOptions.OptionException e) {
            throw ConfigException.forStorageOption(config, index, e);
        }
        if (!options.unread().isEmpty()) {
            driver.close();
            throw new IllegalStateException("driver " + factory.name() + " declares options it never reads: " + options.unread());
        }
        return new Storage(sc.mount(), driver, cachePolicy(sc), clock);
    }

    static CachePolicy cachePolicy(StorageConfig sc) {
        return new CachePolicy(sc.cacheTtl(), sc.cacheStaleGrace(),
                sc.cacheRules().stream().map(r -> new CachePolicy.TtlRule(r.path(), r.ttl())).toList());
    }
}
