package org.alidav.drive.local;

import java.nio.file.Path;
import org.alidav.drive.Driver;
import org.alidav.drive.DriverContext;
import org.alidav.drive.DriverFactory;
import org.alidav.drive.DriverOptions;

/** {@code driver: local} with {@code root: DIR} (relative paths resolve against the working directory). */
public final class LocalDriverFactory implements DriverFactory {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public Driver create(DriverOptions options, DriverContext context) {
        Path root = Path.of(options.requiredString("root"));
        return new LocalDriver(root, context.clock());
    }
}
