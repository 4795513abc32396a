package org.alidav.drive.local;

import java.nio.file.Path;
import java.time.Clock;
import org.alidav.drive.Driver;
import org.alidav.drive.DriverConformanceSuite;
import org.junit.jupiter.api.io.TempDir;

class LocalDriverConformanceTest extends DriverConformanceSuite {
    @TempDir
    Path dir;

    @Override
    protected Driver newDriver() {
        return new LocalDriver(dir, Clock.systemUTC());
    }
}
