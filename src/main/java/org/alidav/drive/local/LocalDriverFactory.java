package org.alidav.drive.local;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alidav.drive.Driver;
import org.alidav.drive.DriverContext;
import org.alidav.drive.DriverFactory;
import org.alidav.drive.DriverOptions;

/**
 * {@code driver: local} with {@code root: DIR} (relative paths resolve against the working directory).
 * A root that does not exist is refused unless {@code create_root: true}: a typo in the path would
 * otherwise serve a new, empty folder as if the files were gone.
 */
public final class LocalDriverFactory implements DriverFactory {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public Driver create(DriverOptions options, DriverContext context) {
        Path root = Path.of(options.requiredString("root"));
        boolean createRoot = options.bool("create_root", false);
        if (!createRoot && !Files.isDirectory(root)) {
            throw new DriverOptions.OptionException("root", Files.exists(root) ? root + " is not a folder"
                    : root + " does not exist; create it, or set create_root: true to have it created");
        }
        return new LocalDriver(root, context.clock());
    }
}
