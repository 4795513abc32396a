package org.alidav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.alidav.config.AppConfig;
import org.alidav.config.ConfigException;
import org.alidav.config.ConfigLoader;
import org.alidav.drive.Driver;
import org.alidav.drive.DriverContext;
import org.alidav.drive.DriverFactory;
import org.alidav.drive.DriverOptions;
import org.alidav.drive.local.LocalDriverFactory;
import org.alidav.option.Option;
import org.alidav.option.OptionSet;
import org.alidav.option.ValueParser;
import org.alidav.state.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A storage's driver options are checked against the driver's declarations. */
class StorageAssemblyTest {
    @TempDir
    Path dir;

    private AppConfig config(String storage) {
        return new ConfigLoader(dir).parse("server: {data_dir: data}\nstorages:\n  - " + storage + "\n", "t.yaml").config();
    }

    private RuntimeException refused(DriverFactory factory, String storage) {
        try (StateStore state = StateStore.open(dir.resolve("state.db"))) {
            return assertThrows(RuntimeException.class, () -> new StorageAssembly(List.of(factory), Clock.systemUTC(), state).build(config(storage)));
        }
    }

    @Test
    void anUndeclaredOptionIsRefusedWithTheDeclaredOneItResembles() {
        assertEquals("t.yaml: storages[0].rooot: unknown option of driver 'local' (did you mean root?)",
                refused(new LocalDriverFactory(), "{mount: /, driver: local, root: ., rooot: x}").getMessage());
        assertEquals("t.yaml: storages[0].cache_tll: unknown option of driver 'local' (did you mean cache_ttl?)",
                refused(new LocalDriverFactory(), "{mount: /, driver: local, root: ., cache_tll: 5s}").getMessage());
        assertTrue(refused(new LocalDriverFactory(), "{mount: /, driver: local, root: ., a: 1, b: 2}") instanceof ConfigException);
    }

    /** A declaration the driver never reads would be an option parsed and silently ignored: a bug, found at the first start. */
    @Test
    void aDeclaredOptionTheDriverNeverReadsStopsTheStart() {
        LocalDriverFactory local = new LocalDriverFactory();
        List<Option<?>> declared = new ArrayList<>(local.options().options());
        declared.add(Option.of("forgotten", ValueParser.BOOLEAN, false, "declared, never read"));
        DriverFactory careless = new DriverFactory() {
            @Override
            public String name() {
                return "careless";
            }

            @Override
            public OptionSet options() {
                return new OptionSet("storages[] with driver: careless", declared);
            }

            @Override
            public Driver create(DriverOptions options, DriverContext context) {
                return local.create(options, context);
            }
        };
        RuntimeException e = refused(careless, "{mount: /, driver: careless, root: '" + dir + "'}");
        assertEquals("driver careless declares options it never reads: [forgotten]", e.getMessage());
    }
}
