package org.alidav.aliyun;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.alidav.aliyun.ApiModel.AsyncTask;
import org.alidav.aliyun.ApiModel.FileItem;
import org.alidav.aliyun.ApiModel.TaskResult;
import org.alidav.aliyun.ReplaceJournal.Step;
import org.alidav.drive.DriveException;
import org.alidav.drive.Entry;
import org.alidav.drive.remote.Backoff;

/**
 * Rename, move and copy. The step that gives the item its final name uses the caller's
 * {@code check_name_mode}: {@code refuse} for a free name, so two items of one name never appear, or
 * {@code ignore} to place the item beside one it replaces (see {@link Replacement}). Intermediate
 * steps always refuse; copies use {@code auto_rename} and then a rename to the wanted name; a
 * combined move-and-rename undoes its first step when the second one fails. Writes whose answer was
 * lost are checked against the file's state instead of being sent again; a copy whose answer was lost
 * carries on with the one copy it finds ({@link Leftovers}).
 */
final class Relocator {
    private final OpenApi api;
    private final FileMapper mapper;
    private final Clock clock;
    private final Backoff pollBackoff;
    private final Duration copyTimeout;
    private final Leftovers leftovers;

    Relocator(OpenApi api, FileMapper mapper, Clock clock, Backoff pollBackoff, Duration copyTimeout, Leftovers leftovers) {
        this.api = api;
        this.mapper = mapper;
        this.clock = clock;
        this.pollBackoff = pollBackoff;
        this.copyTimeout = copyTimeout;
        this.leftovers = leftovers;
    }

    /** Moves {@code entry} to {@code newParent/newName}; {@code finalMode} applies to the step that names it there. */
    Entry move(Entry entry, String fromParent, Entry newParent, String newName, String finalMode) {
        boolean rename = !newName.equals(entry.name());
        if (newParent.id().equals(fromParent)) return rename ? rename(entry.id(), newName, finalMode) : entry;
        if (!moveTo(entry.id(), newParent.id(), rename ? OpenApi.REFUSE : finalMode)) {
            // the old name is taken in the target: rename first, then move, undoing the rename on failure
            if (!rename) throw DriveException.alreadyExists(newName);
            rename(entry.id(), newName, finalMode);
            boolean moved;
            try {
                moved = moveTo(entry.id(), newParent.id(), finalMode);
            } catch (DriveException e) {
                rename(entry.id(), entry.name(), OpenApi.IGNORE);
                throw e;
            }
            if (!moved) {
                rename(entry.id(), entry.name(), OpenApi.IGNORE);
                throw DriveException.alreadyExists(newName);
            }
            return entry.withName(newName);
        }
        if (!rename) return entry;
        try {
            return rename(entry.id(), newName, finalMode);
        } catch (DriveException e) {
            moveTo(entry.id(), fromParent, OpenApi.IGNORE);
            throw e;
        }
    }

    /**
     * Copies to {@code newParent/newName}, telling {@code created} the copy's id as soon as it exists
     * (the caller removes it when a later step fails); a folder copy running in the background is waited for.
     */
    Entry copy(Entry entry, Entry newParent, String newName, String finalMode, Step begun, Consumer<String> created) {
        TaskResult result;
        try {
            result = api.copy(entry.id(), newParent.id());
        } catch (OpenApiException e) {
            if (!e.mayHaveApplied()) throw e;
            result = lostCopy(entry, begun).orElseThrow(() -> e);
        }
        created.accept(result.fileId());
        if (result.asyncTaskId() != null && !result.asyncTaskId().isEmpty()) await(result.asyncTaskId());
        FileItem copy = api.get(result.fileId());
        return newName.equals(copy.displayName()) ? mapper.toEntry(copy) : rename(copy.fileId(), newName, finalMode);
    }

    /**
     * The copy a lost answer did not name, when exactly one file copy is found; otherwise none (the
     * caller's roll-back removes what there is). A folder found is not taken: its background copy may
     * still be running, and no task id tells when it is done.
     */
    private Optional<TaskResult> lostCopy(Entry source, Step begun) {
        if (source.folder()) return Optional.empty();
        List<FileItem> found;
        try {
            found = leftovers.copiesOf(begun);
        } catch (DriveException lookFailed) {
            return Optional.empty();
        }
        return found.size() == 1 ? Optional.of(new TaskResult(found.get(0).fileId(), false, null)) : Optional.empty();
    }

    /**
     * Renames; with {@code refuse} ALREADY_EXISTS when the name is taken. A lost answer is looked up,
     * and a rename whose pooled connection broke before any answer is sent again when the look shows
     * the old name still.
     */
    Entry rename(String fileId, String newName, String mode) {
        FileItem renamed;
        try {
            renamed = api.rename(fileId, newName, mode);
        } catch (OpenApiException e) {
            if (!e.mayHaveApplied()) throw e;
            FileItem now = api.get(fileId);
            if (newName.equals(now.displayName())) return mapper.toEntry(now);
            if (!e.sentUnanswered()) throw e;
            renamed = api.rename(fileId, newName, mode);
        }
        if (Boolean.TRUE.equals(renamed.exist()) || !newName.equals(renamed.displayName())) throw DriveException.alreadyExists(newName);
        return mapper.toEntry(renamed);
    }

    /**
     * Moves; with {@code refuse} false when the name is taken in the target (nothing moved). A lost
     * answer is settled by the item's parent; sent again when its connection broke before any answer
     * and the item has not moved.
     */
    private boolean moveTo(String fileId, String parentId, String mode) {
        try {
            return !api.move(fileId, parentId, mode).existed();
        } catch (OpenApiException e) {
            if (!e.mayHaveApplied()) throw e;
            if (parentId.equals(api.get(fileId).parentFileId())) return true;
            if (!e.sentUnanswered()) throw e;
            return !api.move(fileId, parentId, mode).existed();
        }
    }

    private void await(String taskId) {
        Instant deadline = clock.instant().plus(copyTimeout);
        for (int attempt = 1; ; attempt++) {
            AsyncTask task = api.asyncTask(taskId);
            if ("Succeed".equalsIgnoreCase(task.state())) return;
            if ("Failed".equalsIgnoreCase(task.state())) throw DriveException.upstream("the copy task " + taskId + " failed", null);
            if (clock.instant().isAfter(deadline)) {
                throw DriveException.unavailable("the copy task " + taskId + " is still running after " + copyTimeout, null, null);
            }
            try {
                Backoff.sleep(pollBackoff.delay(attempt));
            } catch (java.io.InterruptedIOException e) {
                throw DriveException.unavailable("interrupted", null, e);
            }
        }
    }
}
