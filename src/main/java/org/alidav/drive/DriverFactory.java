package org.alidav.drive;

/** Builds one kind of driver (the {@code driver:} key of a storage) from its options. */
public interface DriverFactory {
    /** The value of {@code driver:} in the config that selects this factory. */
    String name();

    /** Reads every option it supports from {@code options}; throws {@link DriverOptions.OptionException}. */
    Driver create(DriverOptions options, DriverContext context);
}
