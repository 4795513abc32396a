package org.alidav.state;

import java.nio.file.Path;

/** Another server process holds the {@code data_dir}; the message is the one line the user sees. */
public final class DataDirInUseException extends RuntimeException {
    DataDirInUseException(Path dataDir, String holderPid) {
        super("data_dir " + dataDir + " is in use by " + (holderPid.isEmpty() ? "another process" : "process " + holderPid));
    }
}
