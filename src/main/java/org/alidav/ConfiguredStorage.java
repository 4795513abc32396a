package org.alidav;

import org.alidav.config.StorageConfig;
import org.alidav.drive.cache.Storage;

/**
 * A running storage with the config entry it was built from, so that what is set up per storage
 * (its mount, its download policy) reads the storage's own entry. {@code index} is the entry's place
 * in {@code storages:}, which a config error names.
 */
record ConfiguredStorage(int index, StorageConfig config, Storage storage) {
}
