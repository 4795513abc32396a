package org.alidav.drive;

import java.util.List;

/**
 * A driver with work to finish outside requests: writes interrupted by a crash or left half done by a
 * failed cleanup, and temp files of earlier processes. The server runs {@link #maintain} at start and
 * then periodically, never at the same time as another pass of the same driver.
 */
public interface Maintained {
    /** One pass; answers what is still pending afterwards (empty when all is done). */
    List<String> maintain();

    /**
     * Moves an older copy of a name (two items of one name in a folder, the other one newer) to the
     * recycle bin when the storage is set to repair duplicates; answers false when it is not.
     */
    default boolean retireOlderCopy(Entry olderCopy) {
        return false;
    }
}
