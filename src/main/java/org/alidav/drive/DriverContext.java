package org.alidav.drive;

import java.nio.file.Path;
import java.time.Clock;
import org.alidav.state.StateStore;

/**
 * What a driver gets from the server besides its options.
 *
 * @param storageName a stable name of the storage (its mount path), for logs and state files
 * @param stateDir    a directory of the storage's own (rotated tokens), created on demand
 * @param clock       the clock every expiry is computed with, so tests can move time
 * @param state       the server's state database (journals of interrupted writes), shared by all storages
 * @param spoolDir    where upload bodies are buffered on disk ({@code server.spool_dir}), shared by all storages
 * @param dataDir     the server's data directory, for state storages share (token chains)
 */
public record DriverContext(String storageName, Path stateDir, Clock clock, StateStore state, Path spoolDir, Path dataDir) {
}
