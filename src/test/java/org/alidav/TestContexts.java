package org.alidav;

import java.nio.file.Path;
import java.time.Clock;
import org.alidav.drive.DriverContext;
import org.alidav.state.StateStore;

/** Driver contexts for tests: the state database, the spool folder and shared state live in the storage's state folder. */
public final class TestContexts {
    private TestContexts() {
    }

    public static DriverContext of(String storageName, Path stateDir, Clock clock) {
        return new DriverContext(storageName, stateDir, clock, StateStore.open(stateDir.resolve("state.db")), stateDir.resolve("spool"), stateDir);
    }
}
