package org.alidav.drive;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What a driver gets from the server besides its options.
 *
 * @param storageName a stable name of the storage (its mount path), for logs and state files
 * @param stateDir    a directory of the storage's own (rotated tokens, journals), created on demand
 * @param clock       the clock every expiry is computed with, so tests can move time
 */
public record DriverContext(String storageName, Path stateDir, Clock clock) {
}
