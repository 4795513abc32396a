package org.alidav.drive;

import org.alidav.drive.cache.Storage;

/**
 * What the conformance contracts work on: one driver, the op layer over it, and a fresh folder of
 * the test's own (so one backend may serve every test).
 */
interface ConformanceFixture {
    Driver driver();

    /** The op layer over {@link #driver()}, with no listing cache. */
    Storage storage();

    /** The test's folder, as a path of {@link #storage()}. */
    DrivePath base();

    /** The test's folder, as an entry of {@link #driver()}. */
    Entry baseFolder();

    /**
     * Makes an item of {@code name} in {@code parent} beside one that already holds the name, as
     * another client of the backend would, and answers it. Only asked of drivers whose features
     * declare duplicate names.
     */
    Entry madeElsewhere(Entry parent, String name, byte[] content);
}
