package org.alidav.aliyun;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.alidav.aliyun.ApiModel.CreateResult;
import org.alidav.aliyun.ApiModel.FileItem;
import org.alidav.drive.DriveException;
import org.alidav.drive.Entry;
import org.alidav.drive.Upload;
import org.alidav.drive.remote.Spool;

/**
 * Writes a file: create an upload session, send the parts (unless a rapid upload made that
 * unnecessary), complete, check the hash. Four ways in, chosen by what is known up front:
 * <ul>
 * <li>size known, no rapid upload: parts are sent as the body arrives, one part buffered;</li>
 * <li>rapid upload with the client's SHA-1: the full hash and proof are sent at once, spooling only
 * the body prefix the proof needs; on a miss the parts continue from that prefix;</li>
 * <li>rapid upload, size known, no client hash: pre-hash first. The first 1 KiB is read and the
 * create carries its hash; on no match (most new content) the parts are sent from the body as
 * without rapid upload; only {@code PreHashMatched} spools the rest while hashing, for the full hash
 * and proof;</li>
 * <li>size unknown: the body is spooled while hashed, then pre-hash, proof and parts as needed.</li>
 * </ul>
 * A fresh name is created with {@code refuse}, so a stale cache can never make a duplicate; a
 * replacement is created beside the old file ({@code ignore}), journaled, and the old one removed only
 * after the new one is complete ({@link Replacement}). Whatever fails, a started upload is removed and
 * the old file kept.
 */
final class Uploader {
    static final long RAPID_MIN_SIZE = 100 * 1024;
    /** The pre-hash covers the first 1 KiB (docs/open-api.md, Uploads). */
    static final int PRE_HASH_BYTES = 1024;
    private static final DateTimeFormatter API_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final OpenApi api;
    private final StorageTokens tokens;
    private final PartUploader parts;
    private final PartSizer sizer;
    private final FileMapper mapper;
    private final Clock clock;
    private final UploadUrlRewriter rewriter;
    private final boolean rapid;
    private final Replacement replacement;
    private final Path spoolDir;
    private final CreateResend resend;

    Uploader(OpenApi api, StorageTokens tokens, PartUploader parts, PartSizer sizer, FileMapper mapper, Clock clock,
             UploadUrlRewriter rewriter, boolean rapid, Replacement replacement, Path spoolDir,
             CreateResend resend) {
        this.api = api;
        this.tokens = tokens;
        this.parts = parts;
        this.sizer = sizer;
        this.mapper = mapper;
        this.clock = clock;
        this.rewriter = rewriter;
        this.rapid = rapid;
        this.replacement = replacement;
        this.spoolDir = spoolDir;
        this.resend = resend;
    }

    /** Where and how the new file is created, and who hears of its id. */
    private record Target(String parentId, String name, Instant modified, String replacedId, Consumer<String> created) {
        boolean replacing() {
            return replacedId != null;
        }

        CreateResend.Creation creation() {
            return new CreateResend.Creation(parentId, name, "file", replacedId);
        }
    }

    Entry put(Entry parent, String name, Upload upload) {
        return replacement.run(ReplaceJournal.Kind.PUT, parent.id(), name, upload.existing(), null,
                (begun, created) -> write(parent, name, upload, created));
    }

    private Entry write(Entry parent, String name, Upload upload, Consumer<String> createdId) {
        Target target = new Target(parent.id(), name, upload.modified() != null ? upload.modified() : clock.instant(),
                upload.existing() == null ? null : upload.existing().id(), createdId);
        boolean rapidWanted = rapid && (!upload.sizeKnown() || upload.size() > RAPID_MIN_SIZE);
        FileItem done;
        try {
            if (probed(upload)) done = withProbe(target, upload);
            else if (upload.sizeKnown() && !rapidWanted) done = streamed(target, upload.body(), upload.size());
            else if (upload.sizeKnown() && upload.sha1() != null) done = withClientHash(target, upload);
            else if (upload.sizeKnown()) done = preHashFirst(target, upload);
            else done = spooled(target, upload);
        } catch (IOException e) {
            throw Bodies.unreadable(e);
        }
        Entry written = mapper.toEntry(done);
        if (written.name() == null || written.name().isEmpty()) written = written.withName(name);
        return written;
    }

    private FileItem streamed(Target target, InputStream body, long size) {
        long partSize = sizer.partSize(size);
        return fromBody(target, create(target, fields(target, size, partSize)), body, size, partSize);
    }

    /** Completes a session with parts read from {@code body} as it arrives, hashed on the way for the final check. */
    private FileItem fromBody(Target target, CreateResult created, InputStream body, long size, long partSize) {
        MessageDigest digest = sha1();
        return finish(target, created, size, () -> parts.upload(session(created, size, partSize), body, size, partSize, digest),
                () -> hex(digest));
    }

    /** Size unknown: the whole body is spooled while hashed, and then sent as a known file. */
    private FileItem spooled(Target target, Upload upload) throws IOException {
        try (Spool spool = Spool.create(spoolDir)) {
            MessageDigest digest = sha1();
            long size = spool.fill(upload.body(), -1, digest);
            String sha1 = hex(digest);
            if (upload.sha1() != null && !upload.sha1().equals(sha1)) throw checksumMismatch();
            long partSize = sizer.partSize(size);
            Map<String, Object> fields = fields(target, size, partSize);
            CreateResult created;
            if (rapid && size > RAPID_MIN_SIZE) {
                fields.put("size", size);
                created = preHashCreate(target, fields, spool, sha1, size);
            } else {
                created = create(target, fields);
            }
            return fromSpool(target, created, spool, size, partSize, sha1);
        }
    }

    /**
     * Rapid upload of a known size without the client's hash: the create carries the hash of the
     * first 1 KiB only. No match, and the parts go out as the body arrives; a match (possibly a
     * collision of the first 1 KiB alone) spools the rest while hashing, for the full hash and proof.
     */
    private FileItem preHashFirst(Target target, Upload upload) throws IOException {
        long size = upload.size();
        long partSize = sizer.partSize(size);
        byte[] head = upload.body().readNBytes(PRE_HASH_BYTES);
        if (head.length < PRE_HASH_BYTES) throw Bodies.endedEarly(head.length, size);
        Map<String, Object> fields = fields(target, size, partSize);
        fields.put("size", size);
        Map<String, Object> pre = new LinkedHashMap<>(fields);
        pre.put("pre_hash", preHash(head));
        CreateResult created;
        try {
            created = create(target, pre);
        } catch (OpenApiException e) {
            if (!e.is(PRE_HASH_MATCHED)) throw e;
            return preHashMatched(target, fields, head, upload);
        }
        return fromBody(target, created, new SequenceInputStream(new ByteArrayInputStream(head), upload.body()), size, partSize);
    }

    /** The pre-hash matched: the whole body is spooled while hashed, then created with the full hash and proof. */
    private FileItem preHashMatched(Target target, Map<String, Object> fields, byte[] head, Upload upload) throws IOException {
        long size = upload.size();
        try (Spool spool = Spool.create(spoolDir)) {
            MessageDigest digest = sha1();
            long got = spool.fill(new SequenceInputStream(new ByteArrayInputStream(head), upload.body()), size, digest);
            if (got < size) throw Bodies.endedEarly(got, size);
            Bodies.requireEnd(upload.body(), size);
            String sha1 = hex(digest);
            return fromSpool(target, fullHashCreate(target, fields, spool, sha1, size), spool, size, sizer.partSize(size), sha1);
        }
    }

    /** Completes a session whose body is spooled: the parts from the spool, unless the create was a rapid upload. */
    private FileItem fromSpool(Target target, CreateResult created, Spool spool, long size, long partSize, String sha1) {
        return finish(target, created, size, () -> {
            if (created.rapid()) return;
            try (InputStream in = spool.read()) {
                parts.upload(session(created, size, partSize), in, size, partSize, null);
            } catch (IOException e) {
                throw Bodies.unreadable(e);
            }
        }, () -> sha1);
    }

    /** Pre-hash create; on {@code PreHashMatched} (400 or 409) the create again with full hash and proof. */
    private CreateResult preHashCreate(Target target, Map<String, Object> fields, Spool spool, String sha1, long size) throws IOException {
        Map<String, Object> pre = new LinkedHashMap<>(fields);
        try (InputStream in = spool.read()) {
            pre.put("pre_hash", preHash(in.readNBytes(PRE_HASH_BYTES)));
        }
        try {
            return create(target, pre);
        } catch (OpenApiException e) {
            if (!e.is(PRE_HASH_MATCHED)) throw e;
        }
        return fullHashCreate(target, fields, spool, sha1, size);
    }

    private CreateResult fullHashCreate(Target target, Map<String, Object> fields, Spool spool, String sha1, long size) {
        fields.put("content_hash", sha1);
        fields.put("content_hash_name", "sha1");
        return createWithProof(target, fields, token -> proof(token, size, spool));
    }

    /** Every create goes out through {@link CreateResend}: one that lost its connection unanswered is looked for, then resent. */
    private CreateResult create(Target target, Map<String, Object> fields) {
        return resend.send(target.creation(), () -> api.create(fields));
    }

    private CreateResult createWithProof(Target target, Map<String, Object> fields, OpenApi.ProofSource proof) {
        return resend.send(target.creation(), () -> api.createWithProof(fields, proof));
    }

    /** Full hash and proof straight away, spooling only the prefix up to the proof bytes. */
    private FileItem withClientHash(Target target, Upload upload) throws IOException {
        long size = upload.size();
        long partSize = sizer.partSize(size);
        MessageDigest digest = sha1();
        try (Spool prefix = Spool.create(spoolDir)) {
            long want = ProofCode.bytesNeeded(tokens.accessToken(), size);
            if (prefix.fill(upload.body(), want, digest) < want) throw Bodies.endedEarly(prefix.size(), size);
            Map<String, Object> fields = fields(target, size, partSize);
            fields.put("size", size);
            Map<String, Object> plain = new LinkedHashMap<>(fields);
            fields.put("content_hash", upload.sha1());
            fields.put("content_hash_name", "sha1");
            CreateResult created;
            try {
                created = createWithProof(target, fields, token -> proof(token, size, prefix));
            } catch (OpenApiException e) {
                // the drive holds content of the declared hash, and our bytes at the proof offset are not
                // that content's: the body is not what the client's OC-Checksum says (nothing was created)
                if (e.is(INVALID_PROOF)) throw checksumMismatch();
                // the token changed under us and its proof bytes lie beyond the prefix: upload normally
                if (!e.is(PROOF_UNAVAILABLE)) throw e;
                created = create(target, plain);
            }
            CreateResult session = created;
            FileItem done = finish(target, created, size, () -> {
                try (InputStream rest = new SequenceInputStream(prefix.read(), upload.body())) {
                    if (session.rapid()) drain(rest, prefix.size(), size, digest);
                    else parts.upload(session(session, size, partSize), rest, size, partSize, restartedDigest(digest));
                } catch (IOException e) {
                    throw Bodies.unreadable(e);
                }
                if (!hex(digest).equals(upload.sha1())) throw checksumMismatch();
            }, upload::sha1);
            return done;
        }
    }

    /**
     * A copy from another storage whose SHA-1 is known offers the hash whatever {@code rapid_upload}
     * says: the proof costs one read of 8 bytes of the source, not a spool of the body.
     */
    private static boolean probed(Upload upload) {
        return upload.probe() != null && upload.sha1() != null && upload.sizeKnown() && upload.size() > RAPID_MIN_SIZE;
    }

    /** Full hash and a proof read through the probe; the body is read only on a miss, as it streams into the parts. */
    private FileItem withProbe(Target target, Upload upload) {
        long size = upload.size();
        long partSize = sizer.partSize(size);
        Map<String, Object> fields = fields(target, size, partSize);
        fields.put("size", size);
        fields.put("content_hash", upload.sha1());
        fields.put("content_hash_name", "sha1");
        CreateResult created = createWithProof(target, fields, token -> ProofCode.compute(token, size, upload.probe()));
        MessageDigest digest = sha1();
        return finish(target, created, size, () -> {
            if (created.rapid()) return;
            parts.upload(session(created, size, partSize), upload.body(), size, partSize, digest);
            if (!hex(digest).equals(upload.sha1())) {
                throw DriveException.upstream("the copied content's SHA-1 " + hex(digest) + " is not the source's " + upload.sha1(), null);
            }
        }, upload::sha1);
    }

    /** Reads the rest of a rapid-uploaded body, so the client's request completes and its hash is checked. */
    private static void drain(InputStream rest, long skip, long size, MessageDigest digest) throws IOException {
        rest.skipNBytes(skip);
        byte[] buf = new byte[64 * 1024];
        long got = skip;
        for (int n; got < size && (n = rest.read(buf, 0, (int) Math.min(buf.length, size - got))) >= 0; got += n) {
            digest.update(buf, 0, n);
        }
        if (got < size) throw Bodies.endedEarly(got, size);
        Bodies.requireEnd(rest, size);
    }

    /** The parts re-read the prefix, so the digest must start again from zero. */
    private static MessageDigest restartedDigest(MessageDigest digest) {
        digest.reset();
        return digest;
    }

    /**
     * Sends the parts, completes and checks the result; on failure {@link Replacement} removes the new
     * file, whose id it heard here. An {@code exist:true} answer means nothing was created: the name is taken.
     */
    private FileItem finish(Target target, CreateResult created, long size, Runnable send, Supplier<String> ourSha1) {
        if (created.existed()) throw DriveException.alreadyExists(created.fileName() != null ? created.fileName() : created.fileId());
        target.created().accept(created.fileId());
        send.run();
        FileItem done = complete(created);
        String theirs = done.contentHash();
        String ours = ourSha1.get();
        if (ours != null && theirs != null && !theirs.isEmpty() && !theirs.equalsIgnoreCase(ours)) {
            throw DriveException.upstream("the stored file's SHA-1 " + theirs + " differs from the uploaded " + ours, null);
        }
        if (done.size() != null && done.size() != size) {
            throw DriveException.upstream("the stored file has " + done.size() + " bytes, not " + size, null);
        }
        return done;
    }

    /**
     * Complete; when the answer was lost, the file's own state tells whether it happened: visible means
     * done, anything else (still uploading, or unknown to get) means it failed, with the complete's own
     * error, unless its pooled connection broke before any answer: then it is sent once more (a complete
     * of a session already completed answers the file).
     */
    private FileItem complete(CreateResult created) {
        try {
            return api.complete(created.fileId(), created.uploadId());
        } catch (OpenApiException e) {
            if (!e.mayHaveApplied()) throw e;
            FileItem item = null;
            try {
                item = api.get(created.fileId());
            } catch (DriveException lookFailed) {
                // the service hides unfinished uploads from get: not found says the complete did not happen
                if (!e.sentUnanswered() || lookFailed.kind() != DriveException.Kind.NOT_FOUND) throw e;
            }
            if (item != null && FileMapper.visible(item)) return item;
            if (e.sentUnanswered()) return api.complete(created.fileId(), created.uploadId());
            throw e;
        }
    }

    private Map<String, Object> fields(Target target, long size, long partSize) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("parent_file_id", target.parentId());
        f.put("name", target.name());
        f.put("type", "file");
        f.put("check_name_mode", target.replacing() ? "ignore" : "refuse");
        f.put("part_info_list", OpenApi.partNumbers(1, PartSizer.partCount(size, partSize)));
        String time = API_TIME.format(target.modified());
        f.put("local_modified_at", time);
        f.put("local_created_at", time);
        return f;
    }

    private UploadSession session(CreateResult created, long size, long partSize) {
        return new UploadSession(api, clock, Duration.ofMinutes(50), rewriter, created.fileId(), created.uploadId(),
                PartSizer.partCount(size, partSize), created.partInfoList());
    }

    private static String proof(String token, long size, Spool spool) throws IOException {
        try {
            return ProofCode.compute(token, size, spool.path());
        } catch (IOException e) {
            throw new DriveIOException(new OpenApiException(DriveException.Kind.CONFLICT, 0, PROOF_UNAVAILABLE,
                    "proof bytes not spooled for this token", null));
        }
    }

    private static String preHash(byte[] first) {
        MessageDigest d = sha1();
        d.update(first);
        return hex(d);
    }

    private static DriveException checksumMismatch() {
        return DriveException.conflict("the body does not match the SHA-1 the client declared (OC-Checksum)");
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(MessageDigest d) {
        try {
            return HexFormat.of().formatHex(((MessageDigest) d.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The proof for the token in use lies beyond what was spooled: the create is not sent. */
    private static final String PROOF_UNAVAILABLE = "ProofUnavailable";
    /** The service's answer to a proof that does not match the stored content of the declared hash. */
    private static final String INVALID_PROOF = "InvalidRapidProof";
    private static final String PRE_HASH_MATCHED = "PreHashMatched";
}
