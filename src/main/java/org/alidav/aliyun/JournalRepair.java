package org.alidav.aliyun;

import java.util.List;
import org.alidav.aliyun.ApiModel.FileItem;
import org.alidav.aliyun.ReplaceJournal.Kind;
import org.alidav.aliyun.ReplaceJournal.State;
import org.alidav.aliyun.ReplaceJournal.Step;
import org.alidav.drive.DriveException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes or rolls back the journaled writes no running request owns: those of an earlier process
 * (a crash, a kill -9) and those whose cleanup failed. Each ends with exactly one item under the
 * name, holding the newest complete content:
 * <ul>
 * <li>{@code BEGUN}: the create or copy may have happened without its answer: what it made is looked
 * for and removed ({@link Leftovers}; deferred while a write of this process runs under the name), the
 * old item is untouched. Dropped.</li>
 * <li>{@code CREATED}: the new item is looked at. In place under the name and visible (the complete
 * or the move happened): as {@code COMPLETE}. Otherwise an upload or copy is removed (the old item
 * stays); a move that did not arrive left its item where it was.</li>
 * <li>{@code COMPLETE}: the replaced item is looked at first and removed if it still holds the name in
 * the folder (gone counts as done; moved or renamed by someone meanwhile, it is no longer ours to remove).</li>
 * <li>{@code ABANDONED}: the new item is removed.</li>
 * </ul>
 * A step that fails stays in the journal, with its error, for the next pass.
 */
final class JournalRepair {
    private static final Logger LOG = LoggerFactory.getLogger(JournalRepair.class);

    private final ReplaceJournal journal;
    private final OpenApi api;
    private final Remover remover;
    private final Leftovers leftovers;

    JournalRepair(ReplaceJournal journal, OpenApi api, Remover remover, Leftovers leftovers) {
        this.journal = journal;
        this.api = api;
        this.remover = remover;
        this.leftovers = leftovers;
    }

    /** One pass over the journal; answers the entries still pending afterwards. */
    List<Step> run() {
        for (Step step : journal.entries()) {
            if (journal.isLive(step) || step.state() == State.BEGUN && journal.liveWriteUnder(step)) continue;
            try {
                repair(step);
            } catch (DriveException e) {
                LOG.warn("repair of the {} of {} ({}) failed, retried on the next pass: {}", step.kind(), step.name(), step.state(),
                        e.getMessage());
                journal.failed(step, e.getMessage());
            }
        }
        return journal.entries().stream().filter(s -> !journal.isLive(s)).toList();
    }

    private void repair(Step step) {
        switch (step.state()) {
            case BEGUN -> {
                leftovers.clear(step);
                journal.end(step);
            }
            case CREATED -> {
                if (inPlace(step)) {
                    finish(journal.complete(step));
                } else {
                    if (step.kind() != Kind.MOVE) remover.discard(step.newId());
                    journal.end(step);
                }
            }
            case COMPLETE -> finish(step);
            case ABANDONED -> {
                remover.discard(step.newId());
                journal.end(step);
            }
        }
        LOG.info("repaired the interrupted {} of {} (was {})", step.kind(), step.name(), step.state());
    }

    private void finish(Step complete) {
        if (complete.oldId() != null && underTheName(complete, complete.oldId())) remover.remove(complete.oldId());
        journal.end(complete);
    }

    private boolean inPlace(Step step) {
        return underTheName(step, step.newId());
    }

    /** True when the item is visible under the journaled name in the journaled folder. */
    private boolean underTheName(Step step, String fileId) {
        FileItem item;
        try {
            item = api.get(fileId);
        } catch (DriveException e) {
            if (e.kind() == DriveException.Kind.NOT_FOUND) return false;
            throw e;
        }
        return FileMapper.visible(item) && step.parentId().equals(item.parentFileId()) && step.name().equals(item.displayName());
    }
}
