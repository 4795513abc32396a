package org.alidav.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alidav.option.Option;
import org.alidav.option.OptionSet;

/**
 * One YAML mapping of the config file together with its key path ({@code storages[1]}), read
 * through the declared {@link Option}s; failures name the file and the full key path.
 */
final class ConfigSection {
    private final String source;
    private final String path;
    private final Map<String, Object> values;

    private ConfigSection(String source, String path, Map<String, Object> values) {
        this.source = source;
        this.path = path;
        this.values = values;
    }

    static ConfigSection root(String source, Map<String, Object> values) {
        return new ConfigSection(source, "", values);
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    ConfigException error(String key, String problem) {
        return ConfigException.at(source, pathOf(key), problem);
    }

    ConfigException error(Option<?> key, String problem) {
        return error(key.name(), problem);
    }

    /** Any key {@code known} does not declare is a mistake: probably a typo, which the message tries to correct. */
    void rejectUnknownKeys(OptionSet known) {
        for (String key : known.unknown(values.keySet())) throw error(key, "unknown key" + known.hint(key));
    }

    /** The value of {@code option}, its default when absent; an explicit YAML null ({@code key:} with nothing after it) counts as absent. */
    <T> T get(Option<T> option) {
        try {
            return option.read(values.get(option.name()));
        } catch (IllegalArgumentException e) {
            throw error(option, e.getMessage());
        }
    }

    /** The value of an option without a default, empty when absent. */
    <T> Optional<T> optional(Option<T> option) {
        return Optional.ofNullable(get(option));
    }

    /** A nested mapping such as {@code server}; absent reads as an empty one so that defaults apply. */
    ConfigSection section(Option<?> option) {
        String key = option.name();
        Object raw = values.get(key);
        if (raw == null) return new ConfigSection(source, pathOf(key), Map.of());
        return new ConfigSection(source, pathOf(key), asMapping(raw, pathOf(key)));
    }

    /** A list of mappings such as {@code storages}; absent reads as an empty list. */
    List<ConfigSection> sectionList(Option<?> option) {
        String key = option.name();
        Object raw = values.get(key);
        if (raw == null) return List.of();
        if (!(raw instanceof List<?> list)) throw error(key, "must be a list (one '- ' entry per item)");
        List<ConfigSection> sections = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String itemPath = pathOf(key) + "[" + i + "]";
            sections.add(new ConfigSection(source, itemPath, asMapping(list.get(i), itemPath)));
        }
        return sections;
    }

    /** The entries whose keys {@code taken} does not declare, in file order. */
    Map<String, Object> remainingAfter(OptionSet taken) {
        Map<String, Object> rest = new LinkedHashMap<>(values);
        rest.keySet().removeAll(taken.names());
        return rest;
    }

    private Map<String, Object> asMapping(Object raw, String at) {
        if (!(raw instanceof Map<?, ?> map)) throw ConfigException.at(source, at, "must be a mapping of key: value");
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
