package org.alidav.aliyun;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.alidav.aliyun.ApiModel.FileItem;
import org.alidav.aliyun.ReplaceJournal.Step;
import org.alidav.drive.DriveException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a create or copy whose answer was lost may have made, found by looking, since no answer named
 * it: the write's folder is listed and the items it can have made are picked by name, kind and the
 * cloud's {@code created_at} (not before the journal entry began, less {@link #CLOCK_SKEW}).
 * <ul>
 * <li>A PUT's create makes an upload session under the name: an item of that name that is not
 * {@code available} and not the replaced file. Whether listings show such items at all is not known
 * (docs/open-api.md, "Open questions"); when they do not, nothing can be named and the session is left to expire.</li>
 * <li>A copy ({@code auto_rename}) makes an item of its source's type, content hash and size, named as
 * the source or an auto-renamed form of it ({@code s0(1).bin}; the exact pattern is not documented, so
 * any name with the source's stem and extension), that is neither the source nor the replaced item.</li>
 * </ul>
 */
final class Leftovers {
    private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);
    /** How far the cloud's clock may run behind ours while we still call its item ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final OpenApi api;
    private final Remover remover;

    Leftovers(OpenApi api, Remover remover) {
        this.api = api;
        this.remover = remover;
    }

    /**
     * Removes what the lost create or copy of {@code begun} made: an upload session is deleted (never
     * visible), a copy goes per {@code remove_way} (users saw it under its auto-renamed name).
     */
    void clear(Step begun) {
        List<FileItem> made = switch (begun.kind()) {
            case PUT -> uploadsOf(begun);
            case COPY -> copiesOf(begun);
            case MOVE -> List.of(); // a move makes nothing: its item is known from the start
        };
        if (made.isEmpty()) {
            LOG.info("the {} of {} may have made an item whose answer was lost; the listing of its folder shows none, "
                    + "so nothing is removed", begun.kind(), begun.name());
        }
        for (FileItem item : made) {
            LOG.info("removing {} ({}), made by the {} of {} whose answer was lost", item.displayName(), item.fileId(),
                    begun.kind(), begun.name());
            remover.discard(item.fileId());
        }
    }

    /** Unfinished upload sessions under the name of {@code begun}, made since it began. */
    List<FileItem> uploadsOf(Step begun) {
        return madeSince(begun, item -> !FileMapper.visible(item) && begun.name().equals(item.displayName()));
    }

    /** Copies of {@code begun}'s source in its folder, made since it began; none when the source is gone. */
    List<FileItem> copiesOf(Step begun) {
        if (begun.sourceId() == null) return List.of();
        FileItem source;
        try {
            source = api.get(begun.sourceId());
        } catch (DriveException e) {
            if (e.kind() == DriveException.Kind.NOT_FOUND) return List.of();
            throw e;
        }
        return madeSince(begun, item -> FileMapper.visible(item) && !source.fileId().equals(item.fileId())
                && sameContent(source, item) && copyName(source.displayName(), item.displayName()));
    }

    /**
     * Items named {@code name} in {@code parentId} made since {@code started}, finished or not, other
     * than {@code oldId} (the item a replacement stands beside; null for a free name).
     */
    List<FileItem> namedSince(String parentId, String name, String oldId, Instant started) {
        return madeSince(parentId, oldId, started, item -> name.equals(item.displayName()));
    }

    private List<FileItem> madeSince(Step begun, Predicate<FileItem> made) {
        return madeSince(begun.parentId(), begun.oldId(), begun.started(), made);
    }

    private List<FileItem> madeSince(String parentId, String oldId, Instant started, Predicate<FileItem> made) {
        Instant since = started.minus(CLOCK_SKEW);
        return api.listAll(parentId).stream()
                .filter(item -> !item.fileId().equals(oldId))
                .filter(item -> !FileMapper.time(item.createdAt(), Instant.EPOCH).isBefore(since))
                .filter(made)
                .toList();
    }

    private static boolean sameContent(FileItem source, FileItem item) {
        if (!java.util.Objects.equals(source.type(), item.type())) return false;
        if ("folder".equals(source.type())) return true;
        return source.contentHash() != null && source.contentHash().equalsIgnoreCase(item.contentHash())
                && source.size() != null && source.size().equals(item.size());
    }

    /** The source's name, or one with its stem and extension and something between ({@code s0(1).bin}). */
    static boolean copyName(String source, String name) {
        if (name == null) return false;
        if (name.equals(source)) return true;
        int dot = source.lastIndexOf('.');
        String stem = dot > 0 ? source.substring(0, dot) : source;
        String extension = dot > 0 ? source.substring(dot) : "";
        return name.length() > source.length() && name.startsWith(stem) && name.endsWith(extension);
    }
}
