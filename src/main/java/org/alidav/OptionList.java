package org.alidav;

import java.util.ArrayList;
import java.util.List;
import org.alidav.config.ConfigKeys;
import org.alidav.option.OptionSet;

/**
 * What {@code alidav options} prints: every key of the config file, from the same declarations the
 * config loader and the drivers read with, so the list cannot drift from what is accepted.
 */
final class OptionList {
    private OptionList() {
    }

    /** The config's own sets, then one per driver. */
    static List<OptionSet> sets() {
        List<OptionSet> sets = new ArrayList<>(ConfigKeys.ALL);
        StorageAssembly.drivers().forEach(driver -> sets.add(driver.options()));
        return sets;
    }

    static String text() {
        StringBuilder out = new StringBuilder("Keys of the config file (see config/alidav.example.yaml). Durations: 90 (seconds), 500ms, 30s, 10m, 2h, 1d.\n");
        sets().forEach(set -> out.append('\n').append(set.describe()));
        return out.toString();
    }
}
