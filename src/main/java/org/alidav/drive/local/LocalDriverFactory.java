package org.alidav.drive.local;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alidav.drive.Driver;
import org.alidav.drive.DriverContext;
import org.alidav.drive.DriverFactory;
import org.alidav.drive.DriverOptions;
import org.alidav.option.Option;
import org.alidav.option.OptionSet;
import org.alidav.option.ValueParser;

/**
 * {@code driver: local} with {@code root: DIR} (relative paths resolve against the working directory).
 * A root that does not exist is refused unless {@code create_root: true}: a typo in the path would
 * otherwise serve a new, empty folder as if the files were gone.
 */
public final class LocalDriverFactory implements DriverFactory {
    static final Option<String> ROOT = Option.required("root", ValueParser.NON_BLANK,
            "the folder served; relative paths resolve against the directory the server is started from");
    static final Option<Boolean> CREATE_ROOT = Option.of("create_root", ValueParser.BOOLEAN, false,
            "create the root folder when it does not exist (otherwise refused: a typo would serve an empty folder)");
    private static final OptionSet OPTIONS = OptionSet.of("storages[] with driver: local", ROOT, CREATE_ROOT);

    @Override
    public String name() {
        return "local";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Driver create(DriverOptions options, DriverContext context) {
        Path root = Path.of(options.get(ROOT));
        boolean createRoot = options.get(CREATE_ROOT);
        if (!createRoot && !Files.isDirectory(root)) {
            throw new DriverOptions.OptionException("root", Files.exists(root) ? root + " is not a folder"
                    : root + " does not exist; create it, or set create_root: true to have it created");
        }
        return new LocalDriver(root, context.clock());
    }
}
