package org.alidav.drive;

import java.time.Instant;

/** A driver that can change a file's modification time after it was written. */
public interface ModTimeSetter {
    Entry setModified(Entry entry, Instant modified);
}
