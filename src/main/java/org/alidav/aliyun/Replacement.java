package org.alidav.aliyun;

import java.time.Duration;
import java.util.function.Consumer;
import org.alidav.aliyun.ReplaceJournal.Kind;
import org.alidav.aliyun.ReplaceJournal.Step;
import org.alidav.drive.DriveException;
import org.alidav.drive.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a new item takes a name (PUT, and MOVE or COPY onto an existing item): side by side.
 * The new item is made beside the old one, journaled at every step, and the old one is removed only
 * once the new one is complete and in place. So a failure never empties the name: before the new
 * item is in place it is removed and the old one kept; after, the old one's removal is retried here a
 * few times and then left to {@link JournalRepair}, while the name already serves the new item.
 */
final class Replacement {
    private static final Logger LOG = LoggerFactory.getLogger(Replacement.class);
    static final int REMOVE_ATTEMPTS = 3;

    private final ReplaceJournal journal;
    private final Remover remover;
    private final Duration removePause;
    private final Leftovers leftovers;

    Replacement(ReplaceJournal journal, Remover remover, Duration removePause, Leftovers leftovers) {
        this.journal = journal;
        this.remover = remover;
        this.removePause = removePause;
        this.leftovers = leftovers;
    }

    /**
     * Makes the new item; reports its id to {@code created} as soon as the backend names it.
     * {@code begun} is the journal entry (a copy whose answer was lost looks for its item with it).
     */
    @FunctionalInterface
    interface Write {
        Entry run(Step begun, Consumer<String> created);
    }

    /**
     * Runs {@code write}, which puts a new item under {@code parentId/name}, replacing {@code old}
     * (null for a free name). {@code sourceId} is the item a move places there or a copy copies (null for a PUT).
     */
    Entry run(Kind kind, String parentId, String name, Entry old, String sourceId, Write write) {
        Step begun = journal.begin(kind, parentId, name, old == null ? null : old.id(), sourceId);
        Step[] step = {begun};
        Entry placed;
        try {
            placed = write.run(begun, id -> step[0] = journal.created(step[0], id));
        } catch (RuntimeException e) {
            rollBack(step[0], e);
            throw asWriteFailure(name, e);
        }
        Step done = journal.complete(step[0]);
        if (old != null && !old.id().equals(placed.id()) && !removeOld(done)) {
            journal.leave(done);
            return placed;
        }
        journal.end(done);
        return placed;
    }

    /**
     * The new item failed: a created upload or copy goes, a move has undone itself. A create or copy
     * that may have happened without naming its item is looked for ({@link Leftovers}).
     */
    private void rollBack(Step step, RuntimeException cause) {
        if (step.newId() == null && OpenApiException.uncertain(cause)) {
            clearLeftovers(step);
            return;
        }
        if (step.kind() == Kind.MOVE || step.newId() == null) {
            journal.end(step);
            return;
        }
        Step abandoned = journal.abandoned(step);
        try {
            remover.discard(abandoned.newId());
            journal.end(abandoned);
        } catch (DriveException e) {
            LOG.warn("could not remove the unfinished {} of {} ({}); the maintenance pass retries: {}", step.kind(), step.name(),
                    step.newId(), e.getMessage());
            journal.failed(abandoned, e.getMessage());
            journal.leave(abandoned);
        }
    }

    private void clearLeftovers(Step begun) {
        try {
            leftovers.clear(begun);
            journal.end(begun);
        } catch (DriveException e) {
            LOG.warn("could not look for what the {} of {} made before its answer was lost; the maintenance pass looks again: {}",
                    begun.kind(), begun.name(), e.getMessage());
            journal.failed(begun, e.getMessage());
            journal.leave(begun);
        }
    }

    /** Removes the replaced item, a few times if need be; false when it is left for the repair. */
    boolean removeOld(Step step) {
        for (int attempt = 1; ; attempt++) {
            try {
                remover.remove(step.oldId());
                return true;
            } catch (DriveException e) {
                if (attempt >= REMOVE_ATTEMPTS) {
                    LOG.warn("{} now serves {}; the replaced {} is still there and is removed by the maintenance pass: {}",
                            step.name(), step.newId(), step.oldId(), e.getMessage());
                    journal.failed(step, e.getMessage());
                    return false;
                }
                pause(attempt);
            }
        }
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(removePause.toMillis() * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A write that failed is the backend's failure, never a missing file: a client does not retry a
     * 404, and the file it writes was never missing (an unknown upload session, a vanished new item).
     */
    private static DriveException asWriteFailure(String name, RuntimeException e) {
        if (e instanceof DriveException d && d.kind() != DriveException.Kind.NOT_FOUND) return d;
        if (e instanceof DriveException d) return DriveException.upstream("writing " + name + " failed: " + d.getMessage(), d);
        throw e;
    }
}
