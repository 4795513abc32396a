package org.alidav.dav.mount;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.alidav.drive.DrivePath;

/**
 * Maps WebDAV paths onto mounts. A path inside a mount resolves to a {@link Location}; a path that is
 * only a prefix of mount paths (the root when nothing is mounted at {@code /}, or {@code /a} for a
 * mount at {@code /a/b}) resolves to a virtual folder listing the next names.
 */
public final class MountTable {

    /** What a WebDAV path names. */
    public sealed interface Target {
    }

    public record InMount(Location location) implements Target {
    }

    /** A folder that exists only because mounts lie below it. */
    public record Virtual(List<String> names, List<String> children) implements Target {
    }

    private final List<Mount> mounts;

    public MountTable(List<Mount> mounts) {
        List<Mount> sorted = new ArrayList<>(mounts);
        // longest mount path first, so /a/b wins over /a
        sorted.sort(Comparator.comparingInt((Mount m) -> m.at().size()).reversed());
        this.mounts = List.copyOf(sorted);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                if (sorted.get(i).at().equals(sorted.get(j).at())) {
                    throw new IllegalArgumentException("two storages mounted at /" + String.join("/", sorted.get(i).at()));
                }
            }
        }
    }

    public List<Mount> mounts() {
        return mounts;
    }

    /** Splits a decoded mount path such as {@code /a/b/} into names; {@code /} is the empty list. */
    public static List<String> names(String mountPath) {
        return DrivePath.parse(mountPath).names();
    }

    /**
     * Resolves validated names; empty when nothing is there. Names inside a mount are checked by
     * {@link DrivePath}, so a caller that skipped validation still cannot leave a storage.
     */
    public Optional<Target> resolve(List<String> names) {
        for (Mount m : mounts) {
            if (startsWith(names, m.at())) {
                return Optional.of(new InMount(m.locate(new DrivePath(names.subList(m.at().size(), names.size())))));
            }
        }
        TreeSet<String> children = new TreeSet<>();
        for (Mount m : mounts) {
            if (m.at().size() > names.size() && startsWith(m.at(), names)) children.add(m.at().get(names.size()));
        }
        if (children.isEmpty()) return Optional.empty();
        return Optional.of(new Virtual(List.copyOf(names), List.copyOf(children)));
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }
}
