package org.alidav.drive;

import java.io.InputStream;
import java.util.List;

/**
 * What every storage backend must do. Drivers work on {@link Entry} handles, never on paths: the op
 * layer ({@code org.alidav.drive.cache.Storage}) resolves paths, caches listings and keeps a folder
 * free of duplicate names, so a driver stays a thin translation to its backend.
 *
 * <p>Optional abilities are separate interfaces a driver may also implement ({@link Copier},
 * {@link Linker}, {@link QuotaReporter}, {@link ModTimeSetter}, ...); {@link #features()} declares
 * which of them it offers, and the other layers ask the features, never the type. All methods throw
 * {@link DriveException} for anything a client should hear about.
 */
public interface Driver extends AutoCloseable {

    /** What this driver offers beyond this interface, and the properties of its backend. */
    Features features();

    /** The folder mounted as the storage's root. */
    Entry root();

    /** Every entry of a folder, in no particular order. */
    List<Entry> list(Entry folder);

    /** Creates a folder; ALREADY_EXISTS when the name is taken. */
    Entry mkdir(Entry parent, String name);

    /**
     * Stores a file under {@code parent/name}. When {@link Upload#existing()} is set the new content
     * replaces it, and until the new content is complete the old one stays readable; on failure the
     * old content is kept.
     */
    Entry put(Entry parent, String name, Upload upload);

    /**
     * Moves and/or renames {@code entry}, now in {@code fromParent}; the target name is free as far as
     * the op layer knows (ALREADY_EXISTS when the backend says otherwise).
     */
    Entry move(Entry entry, Entry fromParent, Entry newParent, String newName);

    /** Removes a file or a whole folder (to the trash where the backend has one and is set to). */
    void remove(Entry entry);

    /** Reads a byte range of a file; the caller closes the stream. */
    InputStream open(Entry file, ByteRange range);

    @Override
    default void close() {
    }
}
