package org.alidav.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One YAML mapping of the config file together with its key path ({@code storages[1]}), read
 * with typed getters whose failures name the file and the full key path.
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

    /** Any key not in {@code known} is a mistake: probably a typo, which the message tries to correct. */
    void rejectUnknownKeys(Set<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) throw error(key, "unknown key" + KeySuggestion.hint(key, known));
        }
    }

    /** The value of {@code key}; an explicit YAML null ({@code key:} with nothing after it) counts as absent. */
    <T> Optional<T> optional(String key, ValueParser<T> parser) {
        Object raw = values.get(key);
        if (raw == null) return Optional.empty();
        try {
            return Optional.of(parser.parse(raw));
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }

    <T> T get(String key, ValueParser<T> parser, T fallback) {
        return optional(key, parser).orElse(fallback);
    }

    <T> T required(String key, ValueParser<T> parser) {
        return optional(key, parser).orElseThrow(() -> error(key, "is required"));
    }

    /** A nested mapping such as {@code server}; absent reads as an empty one so that defaults apply. */
    ConfigSection section(String key) {
        Object raw = values.get(key);
        if (raw == null) return new ConfigSection(source, pathOf(key), Map.of());
        return new ConfigSection(source, pathOf(key), asMapping(raw, pathOf(key)));
    }

    /** A list of mappings such as {@code storages}; absent reads as an empty list. */
    List<ConfigSection> sectionList(String key) {
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

    /** The entries whose keys are not in {@code taken}, in file order. */
    Map<String, Object> remainingAfter(Set<String> taken) {
        Map<String, Object> rest = new LinkedHashMap<>(values);
        rest.keySet().removeAll(taken);
        return rest;
    }

    private Map<String, Object> asMapping(Object raw, String at) {
        if (!(raw instanceof Map<?, ?> map)) throw ConfigException.at(source, at, "must be a mapping of key: value");
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
