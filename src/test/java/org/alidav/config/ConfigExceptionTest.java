package org.alidav.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.alidav.drive.DriverOptions;
import org.alidav.option.Option;
import org.alidav.option.OptionSet;
import org.alidav.option.ValueParser;
import org.junit.jupiter.api.Test;

class ConfigExceptionTest {
    private final AppConfig config = new ConfigLoader(Path.of("/w")).parse("""
            storages:
              - {mount: /, driver: local, root: x}
              - {mount: /ali, driver: aliyundrive-open, cache_tll: 1m, drive_typ: resource}
            """, "alidav.yaml").config();

    @Test
    void namesTheStorageOptionTheDriverRefused() {
        assertEquals("alidav.yaml: storages[1].refresh_token: is required",
                ConfigException.forStorageOption(config, 1, "refresh_token", "is required").getMessage());
    }

    @Test
    void turnsADriverOptionExceptionIntoTheSameMessage() {
        Option<String> token = Option.required("refresh_token", ValueParser.NON_BLANK, "the token");
        DriverOptions options = new DriverOptions(OptionSet.of("aliyundrive-open", token), config.storages().get(1).driverOptions());
        DriverOptions.OptionException e = assertThrows(DriverOptions.OptionException.class, () -> options.get(token));
        assertEquals("alidav.yaml: storages[1].refresh_token: is required",
                ConfigException.forStorageOption(config, 1, e).getMessage());
    }

    @Test
    void unknownDriverOptionsSuggestTheStorageLevelOrDriverKeyTheyResemble() {
        List<String> driverKeys = List.of("drive_type", "refresh_token");
        assertEquals("alidav.yaml: storages[1].cache_tll: unknown option of driver 'aliyundrive-open' (did you mean cache_ttl?)",
                ConfigException.forUnknownDriverOptions(config, 1, Set.of("cache_tll"), driverKeys).getMessage());
        assertEquals("alidav.yaml: storages[1].drive_typ: unknown option of driver 'aliyundrive-open' (did you mean drive_type?)",
                ConfigException.forUnknownDriverOptions(config, 1, Set.of("drive_typ"), driverKeys).getMessage());
        assertEquals("alidav.yaml: storages[1].folder: unknown option of driver 'aliyundrive-open'",
                ConfigException.forUnknownDriverOptions(config, 1, Set.of("folder"), driverKeys).getMessage());
    }

    @Test
    void listsSeveralUnknownDriverOptionsAtOnce() {
        assertEquals("alidav.yaml: storages[1]: unknown options of driver 'aliyundrive-open': cache_tll, drive_typ",
                ConfigException.forUnknownDriverOptions(config, 1,
                        new LinkedHashSet<>(List.of("cache_tll", "drive_typ")), List.of("drive_type")).getMessage());
    }
}
