package org.alidav.dav.props;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.namespace.QName;
import org.alidav.dav.Location;

/**
 * Properties that clients set with PROPPATCH and the server only keeps ("dead" properties, RFC 4918
 * §4.1), persisted in one small JSON file. Keys are storage name + path, so entries follow their
 * resources on MOVE and COPY and go away on DELETE. A value is the property element's content as
 * XML text, so values with markup round-trip. Every change rewrites the file (write temp, rename):
 * fine for the handful of properties clients set, not meant for bulk metadata.
 */
public final class DeadPropertyStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, TreeMap<String, TreeMap<String, String>>>> TYPE = new TypeReference<>() {
    };

    private final Path file;
    /** storage name → path → property in Clark notation ({ns}name) → XML content. */
    private final TreeMap<String, TreeMap<String, TreeMap<String, String>>> data;

    public DeadPropertyStore(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            data = Files.exists(file) ? JSON.readValue(file.toFile(), TYPE) : new TreeMap<>();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dead properties from " + file, e);
        }
    }

    public synchronized Map<QName, String> get(Location at) {
        Map<String, String> props = data.getOrDefault(at.storageKey(), new TreeMap<>()).get(at.path().toString());
        Map<QName, String> out = new LinkedHashMap<>();
        if (props != null) props.forEach((k, v) -> out.put(QName.valueOf(k), v));
        return out;
    }

    /** Sets (non-null value) and removes (null value) properties of one resource in one write. */
    public synchronized void apply(Location at, Map<QName, String> changes) {
        if (changes.isEmpty()) return;
        TreeMap<String, TreeMap<String, String>> paths = data.computeIfAbsent(at.storageKey(), k -> new TreeMap<>());
        TreeMap<String, String> props = paths.computeIfAbsent(at.path().toString(), k -> new TreeMap<>());
        changes.forEach((name, value) -> {
            if (value == null) props.remove(name.toString());
            else props.put(name.toString(), value);
        });
        if (props.isEmpty()) paths.remove(at.path().toString());
        save();
    }

    /** Moves the properties of {@code from} and everything below it. */
    public synchronized void move(Location from, Location to) {
        if (transfer(from, to, true)) save();
    }

    /** Copies the properties of {@code from}, and of everything below it when {@code deep}. */
    public synchronized void copy(Location from, Location to, boolean deep) {
        boolean changed;
        if (deep) {
            changed = transfer(from, to, false);
        } else {
            Map<QName, String> own = get(from);
            changed = !own.isEmpty();
            if (changed) {
                TreeMap<String, String> copy = new TreeMap<>();
                own.forEach((k, v) -> copy.put(k.toString(), v));
                data.computeIfAbsent(to.storageKey(), k -> new TreeMap<>()).put(to.path().toString(), copy);
            }
        }
        if (changed) save();
    }

    /** Drops the properties of {@code at} and everything below it. */
    public synchronized void delete(Location at) {
        TreeMap<String, TreeMap<String, String>> paths = data.get(at.storageKey());
        if (paths != null && paths.keySet().removeIf(p -> isAtOrBelow(p, at.path().toString()))) save();
    }

    private boolean transfer(Location from, Location to, boolean removeSource) {
        TreeMap<String, TreeMap<String, String>> source = data.get(from.storageKey());
        if (source == null) return false;
        String prefix = from.path().toString();
        Map<String, TreeMap<String, String>> moving = new TreeMap<>();
        source.forEach((p, props) -> {
            if (isAtOrBelow(p, prefix)) moving.put(p, props);
        });
        if (moving.isEmpty()) return false;
        if (removeSource) source.keySet().removeAll(moving.keySet());
        TreeMap<String, TreeMap<String, String>> target = data.computeIfAbsent(to.storageKey(), k -> new TreeMap<>());
        String newPrefix = to.path().toString();
        moving.forEach((p, props) -> target.put(rebase(p, prefix, newPrefix), new TreeMap<>(props)));
        return true;
    }

    private static boolean isAtOrBelow(String path, String prefix) {
        return path.equals(prefix) || prefix.equals("/") || path.startsWith(prefix + "/");
    }

    private static String rebase(String path, String prefix, String newPrefix) {
        String rest = prefix.equals("/") ? path : path.substring(prefix.length());
        if (newPrefix.equals("/")) return rest.isEmpty() ? "/" : rest;
        return newPrefix + (rest.equals("/") ? "" : rest);
    }

    private void save() {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            JSON.writeValue(temp.toFile(), data);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dead properties to " + file, e);
        }
    }
}
