package org.alidav.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * In-memory index of all drives' metadata, journaled on every change. Top-level items have parent
 * {@code "root"}; the root itself is not stored. One lock guards everything: operations are short
 * map updates, all I/O on file contents happens elsewhere.
 */
final class FileTree implements AutoCloseable {
    private final MetadataJournal journal;
    private final Map<String, FileNode> nodes;
    private final Map<String, Set<String>> children = new HashMap<>();
    private final Map<String, String> uploads = new HashMap<>();
    private final Map<String, Integer> blobRefs = new HashMap<>();

    FileTree(MetadataJournal journal) {
        this.journal = journal;
        this.nodes = journal.load();
        nodes.values().forEach(this::indexAdd);
    }

    synchronized Optional<FileNode> get(String fileId) {
        return Optional.ofNullable(nodes.get(fileId));
    }

    synchronized void put(FileNode node) {
        FileNode old = nodes.put(node.fileId(), node);
        if (old != null) {
            indexRemove(old);
        }
        indexAdd(node);
        journal.put(node);
    }

    /** Removes a node and everything below it; returns the removed nodes. */
    synchronized List<FileNode> removeSubtree(String fileId) {
        List<FileNode> removed = subtree(fileId);
        for (FileNode n : removed) {
            nodes.remove(n.fileId());
            indexRemove(n);
            journal.delete(n.fileId());
        }
        return removed;
    }

    /** The node and all its descendants, parents before children. */
    synchronized List<FileNode> subtree(String fileId) {
        List<FileNode> out = new ArrayList<>();
        FileNode start = nodes.get(fileId);
        if (start == null) {
            return out;
        }
        Deque<FileNode> todo = new ArrayDeque<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            FileNode n = todo.poll();
            out.add(n);
            for (String c : children.getOrDefault(key(n.driveId(), n.fileId()), Set.of())) {
                todo.add(nodes.get(c));
            }
        }
        return out;
    }

    synchronized List<FileNode> children(String driveId, String parentId) {
        Set<String> ids = children.getOrDefault(key(driveId, parentId), Set.of());
        List<FileNode> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(nodes.get(id));
        }
        return out;
    }

    /** Visible children with exactly this name (duplicates are legal on this service). */
    synchronized List<FileNode> visibleNamed(String driveId, String parentId, String name) {
        List<FileNode> out = new ArrayList<>();
        for (String id : children.getOrDefault(key(driveId, parentId), Set.of())) {
            FileNode n = nodes.get(id);
            if (n.isVisible() && n.name().equals(name)) {
                out.add(n);
            }
        }
        return out;
    }

    synchronized Optional<FileNode> byUploadId(String uploadId) {
        String id = uploads.get(uploadId);
        return id == null ? Optional.empty() : Optional.ofNullable(nodes.get(id));
    }

    /** True if the node or one of its ancestors is in the recycle bin. */
    synchronized boolean inRecycleBin(FileNode node) {
        FileNode n = node;
        while (n != null) {
            if (n.state() == FileNode.State.TRASHED) {
                return true;
            }
            n = nodes.get(n.parentId());
        }
        return false;
    }

    /** True if {@code candidate} is {@code ancestorId} or lies below it. */
    synchronized boolean isSameOrBelow(String candidate, String ancestorId) {
        FileNode n = nodes.get(candidate);
        while (n != null) {
            if (n.fileId().equals(ancestorId)) {
                return true;
            }
            n = nodes.get(n.parentId());
        }
        return false;
    }

    synchronized List<FileNode> matching(Predicate<FileNode> filter) {
        List<FileNode> out = new ArrayList<>();
        for (FileNode n : nodes.values()) {
            if (filter.test(n)) {
                out.add(n);
            }
        }
        return out;
    }

    synchronized boolean blobReferenced(String sha1) {
        return blobRefs.getOrDefault(sha1, 0) > 0;
    }

    @Override
    public synchronized void close() {
        journal.compact(nodes.values());
        journal.close();
    }

    private void indexAdd(FileNode n) {
        children.computeIfAbsent(key(n.driveId(), n.parentId()), k -> new LinkedHashSet<>()).add(n.fileId());
        if (n.state() == FileNode.State.UPLOADING && n.uploadId() != null) {
            uploads.put(n.uploadId(), n.fileId());
        }
        if (n.contentHash() != null) {
            blobRefs.merge(n.contentHash(), 1, Integer::sum);
        }
    }

    private void indexRemove(FileNode n) {
        Set<String> siblings = children.get(key(n.driveId(), n.parentId()));
        if (siblings != null) {
            siblings.remove(n.fileId());
            if (siblings.isEmpty()) {
                children.remove(key(n.driveId(), n.parentId()));
            }
        }
        if (n.uploadId() != null) {
            uploads.remove(n.uploadId(), n.fileId());
        }
        if (n.contentHash() != null) {
            blobRefs.computeIfPresent(n.contentHash(), (k, v) -> v > 1 ? v - 1 : null);
        }
    }

    private static String key(String driveId, String parentId) {
        return driveId + '/' + parentId;
    }
}
