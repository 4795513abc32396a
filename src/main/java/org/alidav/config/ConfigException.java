package org.alidav.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.alidav.drive.DriverOptions;
import org.alidav.option.KeySuggestion;

/**
 * A configuration the server refuses to start with. The message is one line of the form
 * {@code <source>: <key path>: <what is wrong>}, e.g.
 * {@code alidav.yaml: storages[1].mount: duplicate mount '/' (already used by storages[0])},
 * so that it can be printed as is.
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    /** A problem with one key: {@code source} names the file (or "environment"), {@code path} the key. */
    public static ConfigException at(String source, String path, String problem) {
        return new ConfigException(source + ": " + path + ": " + problem);
    }

    /** A driver refused one of the options of {@code config.storages().get(storageIndex)}. */
    public static ConfigException forStorageOption(AppConfig config, int storageIndex, String key, String message) {
        return at(config.source(), StorageConfig.path(storageIndex) + "." + key, message);
    }

    public static ConfigException forStorageOption(AppConfig config, int storageIndex, DriverOptions.OptionException e) {
        return forStorageOption(config, storageIndex, e.key(), e.getMessage());
    }

    /**
     * A storage has options its driver does not declare ({@link DriverOptions#unknownKeys()}). A
     * misspelt storage-level key lands among the driver options, so the suggestion looks at those
     * keys and at the driver's own, {@code driverKeys}.
     */
    public static ConfigException forUnknownDriverOptions(AppConfig config, int storageIndex, Set<String> unknown,
                                                          Collection<String> driverKeys) {
        StorageConfig storage = config.storages().get(storageIndex);
        String of = "unknown option of driver '" + storage.driver() + "'";
        if (unknown.size() == 1) {
            String key = unknown.iterator().next();
            List<String> known = new ArrayList<>(ConfigKeys.STORAGE_KEYS.names());
            known.addAll(driverKeys);
            return forStorageOption(config, storageIndex, key, of + KeySuggestion.hint(key, known));
        }
        return at(config.source(), StorageConfig.path(storageIndex), of.replace("option", "options") + ": " + String.join(", ", unknown));
    }
}
