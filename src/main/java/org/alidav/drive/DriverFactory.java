package org.alidav.drive;

import org.alidav.option.OptionSet;

/** Builds one kind of driver (the {@code driver:} key of a storage) from its options. */
public interface DriverFactory {
    /** The value of {@code driver:} in the config that selects this factory. */
    String name();

    /** Every option of this driver: the keys a storage with this driver may have besides the common ones. */
    OptionSet options();

    /** Reads every declared option from {@code options}; throws {@link DriverOptions.OptionException}. */
    Driver create(DriverOptions options, DriverContext context);
}
