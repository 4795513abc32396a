package org.alidav.aliyun;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.alidav.aliyun.ApiModel.CreateResult;
import org.alidav.aliyun.ApiModel.FileItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a create again when the pooled connection it went out on broke before any answer
 * ({@link OpenApiException#sentUnanswered()}), after looking at what the first one made, so that a
 * name never gets a second item:
 * <ul>
 * <li>a finished item of the create's type and name, made since it was sent, is its result and
 * nothing is resent (a folder, or a file a rapid upload completed at create; its upload is completed
 * with no {@code upload_id}, as after any rapid upload);</li>
 * <li>an unfinished upload session it made is deleted and the create resent: no listing carries a
 * session's {@code upload_id}, so its parts could not be sent;</li>
 * <li>nothing found: the create is resent.</li>
 * </ul>
 * Any other failure (a timeout, after which the server may still be at work; an answer) is the
 * caller's, as before. Where listings hide upload sessions (fact sheet §12) a session made by the first
 * create is not seen: the resent one makes another, and the first, never visible, expires.
 */
final class CreateResend {
    private static final Logger LOG = LoggerFactory.getLogger(CreateResend.class);

    /** What one create makes: {@code type} file or folder, beside {@code replacedId} (null for a free name). */
    record Creation(String parentId, String name, String type, String replacedId) {
    }

    private final Leftovers leftovers;
    private final Remover remover;
    private final Clock clock;

    CreateResend(Leftovers leftovers, Remover remover, Clock clock) {
        this.leftovers = leftovers;
        this.remover = remover;
        this.clock = clock;
    }

    CreateResult send(Creation creation, Supplier<CreateResult> create) {
        Instant sent = clock.instant();
        try {
            return create.get();
        } catch (OpenApiException e) {
            if (!e.sentUnanswered()) throw e;
            List<FileItem> made = leftovers.namedSince(creation.parentId(), creation.name(), creation.replacedId(), sent).stream()
                    .filter(item -> creation.type().equals(item.type())).toList();
            Optional<FileItem> finished = made.stream().filter(FileMapper::visible).findFirst();
            if (finished.isPresent()) {
                LOG.info("the create of {} lost its connection before any answer; it had made {} ({}), which is kept",
                        creation.name(), creation.type(), finished.get().fileId());
                return asResult(finished.get());
            }
            for (FileItem session : made) remover.discard(session.fileId());
            LOG.info("the create of {} lost its connection before any answer; {} unfinished upload(s) of it removed, sent again",
                    creation.name(), made.size());
            return create.get();
        }
    }

    private static CreateResult asResult(FileItem item) {
        boolean file = "file".equals(item.type());
        return new CreateResult(item.fileId(), item.displayName(), item.type(), file ? "" : null, false, file, List.of());
    }
}
