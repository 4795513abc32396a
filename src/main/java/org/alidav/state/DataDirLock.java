package org.alidav.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One process per {@code data_dir}: an exclusive lock on {@code <data_dir>/alidav.lock}, which holds
 * the owner's pid. Two servers on one directory would break each other's refresh-token chain and
 * overwrite each other's state, so the second one must stop before it touches anything else.
 *
 * <p>The lock is the operating system's ({@link FileChannel#tryLock}): it ends with the process, even
 * after {@code kill -9}, so a stale file never blocks a restart. The file itself is never deleted:
 * deleting it while another process waits on it would let two processes lock two different files.
 * Within this JVM the held directories are also remembered, and a second attempt is refused before it
 * opens the file: the operating system's locks belong to the process, and closing a second descriptor
 * of the file would release the first holder's lock.
 */
public final class DataDirLock implements AutoCloseable {
    static final String FILE_NAME = "alidav.lock";

    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or throws {@link DataDirInUseException} naming the holder's pid. */
    public static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        Path dir;
        try {
            dir = Files.createDirectories(dataDir).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir, e);
        }
        if (!HELD_HERE.add(dir)) throw new DataDirInUseException(dataDir, Long.toString(ProcessHandle.current().pid()));
        FileChannel channel = null;
        DataDirLock held = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) throw new DataDirInUseException(dataDir, holder(file));
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            held = new DataDirLock(dir, channel, lock);
            return held;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        } finally {
            if (held == null) {
                closeQuietly(channel);
                HELD_HERE.remove(dir);
            }
        }
    }

    /** The pid the holder wrote; empty when it has not written it yet. */
    private static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing: the first error is the one to report
        }
    }

    /** Releases the lock (closing the channel releases it too; both, so a failed release still closes). */
    @Override
    public void close() {
        try (channel) {
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("releasing the data_dir lock", e);
        } finally {
            HELD_HERE.remove(dir);
        }
    }
}
