package org.alidav.drive.cache;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.alidav.drive.Entry;

/**
 * A folder's entries by name, as fetched at {@code fetched}. Where a backend holds several entries of
 * one name (AliyunDrive allows it), the newest wins, so every lookup of a name is deterministic.
 */
final class Listing {
    private final Map<String, Entry> byName;
    final Instant fetched;

    private Listing(Map<String, Entry> byName, Instant fetched) {
        this.byName = byName;
        this.fetched = fetched;
    }

    static Listing of(Collection<Entry> entries, Instant fetched) {
        Map<String, Entry> map = new LinkedHashMap<>();
        entries.stream()
                .sorted(Comparator.comparing(Entry::modified))
                .forEach(e -> map.put(e.name(), e));
        return new Listing(map, fetched);
    }

    Optional<Entry> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    int size() {
        return byName.size();
    }

    Collection<Entry> entries() {
        return byName.values();
    }

    /** A copy with {@code entry} added or replacing the entry of the same name. */
    Listing with(Entry entry) {
        Map<String, Entry> map = new LinkedHashMap<>(byName);
        map.put(entry.name(), entry);
        return new Listing(map, fetched);
    }

    Listing without(String name) {
        Map<String, Entry> map = new LinkedHashMap<>(byName);
        map.remove(name);
        return new Listing(map, fetched);
    }
}
