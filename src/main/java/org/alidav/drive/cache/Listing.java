package org.alidav.drive.cache;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alidav.drive.Entry;

/**
 * A folder's entries by name, as fetched at {@code fetched}. Where a backend holds several entries of
 * one name (AliyunDrive allows it: another client, the app, an interrupted write), the one the backend
 * stored last wins ({@link Entry#stored}, then the id, so every lookup of a name is deterministic);
 * the others are kept as the name's older copies, so a DELETE can remove them all and health can
 * report them.
 */
final class Listing {
    /** Later stored last; the id breaks ties so two fetches of one folder agree. */
    static final Comparator<Entry> VERSION_ORDER = Comparator.comparing(Entry::stored).thenComparing(Entry::id);

    private final Map<String, Entry> byName;
    private final Map<String, List<Entry>> older;
    final Instant fetched;

    private Listing(Map<String, Entry> byName, Map<String, List<Entry>> older, Instant fetched) {
        this.byName = byName;
        this.older = older;
        this.fetched = fetched;
    }

    /**
     * Names keep the backend's order (a cloud's {@code order_by}, where the first item of a name
     * stands): listings and the folder page show it. Only the copies of one name are ordered, by version.
     */
    static Listing of(Collection<Entry> entries, Instant fetched) {
        Map<String, List<Entry>> copies = new LinkedHashMap<>();
        entries.forEach(e -> copies.computeIfAbsent(e.name(), n -> new java.util.ArrayList<>()).add(e));
        Map<String, Entry> map = new LinkedHashMap<>();
        Map<String, List<Entry>> older = new LinkedHashMap<>();
        copies.forEach((name, all) -> {
            all.sort(VERSION_ORDER);
            map.put(name, all.get(all.size() - 1));
            if (all.size() > 1) older.put(name, List.copyOf(all.subList(0, all.size() - 1)));
        });
        return new Listing(map, older, fetched);
    }

    Optional<Entry> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The copies of {@code name} that lose to the one {@link #get} serves, oldest first. */
    List<Entry> olderCopies(String name) {
        return older.getOrDefault(name, List.of());
    }

    /** Every name held by more than one entry, with its older copies. */
    Map<String, List<Entry>> duplicates() {
        return older;
    }

    int size() {
        return byName.size();
    }

    Collection<Entry> entries() {
        return byName.values();
    }

    /**
     * A copy with {@code entry} serving its name. Our own writes replace (or remove) what the name held,
     * so the copies known before are no longer counted; when they are still there the next fetch finds them.
     */
    Listing with(Entry entry) {
        Map<String, Entry> map = new LinkedHashMap<>(byName);
        map.put(entry.name(), entry);
        return new Listing(map, without(older, entry.name()), fetched);
    }

    Listing without(String name) {
        Map<String, Entry> map = new LinkedHashMap<>(byName);
        map.remove(name);
        return new Listing(map, without(older, name), fetched);
    }

    private static Map<String, List<Entry>> without(Map<String, List<Entry>> older, String name) {
        if (!older.containsKey(name)) return older;
        Map<String, List<Entry>> copy = new LinkedHashMap<>(older);
        copy.remove(name);
        return copy;
    }
}
