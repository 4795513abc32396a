package org.alidav.dav.lock.testserver;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.alidav.dav.lock.LockPaths;

/** TEST ONLY: a tree of folders and byte-array files keyed by lock path. */
public final class MemoryStore {
    /** A folder or a file; {@code version} changes on every write, which changes the ETag. */
    public record Node(boolean folder, byte[] data, long version, Instant modified) {
    }

    private final NavigableMap<String, Node> nodes = new ConcurrentSkipListMap<>();
    private final AtomicLong versions = new AtomicLong();
    private final Clock clock;

    public MemoryStore(Clock clock) {
        this.clock = clock;
        nodes.put("/", folderNode());
    }

    public Optional<Node> node(String path) {
        return Optional.ofNullable(nodes.get(path));
    }

    public synchronized List<String> children(String folder) {
        return nodes.keySet().stream()
                .filter(p -> LockPaths.parent(p).filter(folder::equals).isPresent())
                .toList();
    }

    /** False if the parent is missing or a file. */
    public synchronized boolean put(String path, byte[] data) {
        if (!parentIsFolder(path) || node(path).filter(Node::folder).isPresent()) {
            return false;
        }
        nodes.put(path, new Node(false, data, versions.incrementAndGet(), clock.instant()));
        return true;
    }

    public synchronized boolean mkdir(String path) {
        if (!parentIsFolder(path) || nodes.containsKey(path)) {
            return false;
        }
        nodes.put(path, folderNode());
        return true;
    }

    public synchronized void delete(String path) {
        nodes.keySet().removeIf(p -> LockPaths.isSelfOrBelow(p, path));
    }

    public synchronized void copy(String from, String to) {
        delete(to);
        for (Map.Entry<String, Node> e : Map.copyOf(nodes).entrySet()) {
            if (LockPaths.isSelfOrBelow(e.getKey(), from)) {
                Node n = e.getValue();
                nodes.put(to + e.getKey().substring(from.length()),
                        new Node(n.folder(), n.data(), versions.incrementAndGet(), clock.instant()));
            }
        }
    }

    public synchronized void move(String from, String to) {
        copy(from, to);
        delete(from);
    }

    private boolean parentIsFolder(String path) {
        return LockPaths.parent(path).flatMap(this::node).filter(Node::folder).isPresent();
    }

    private Node folderNode() {
        return new Node(true, new byte[0], versions.incrementAndGet(), clock.instant());
    }
}
