package org.alidav.config;

import java.util.List;

/** A valid configuration and what the caller should log about it (plain-text passwords, open access). */
public record LoadedConfig(AppConfig config, List<String> warnings) {
    public LoadedConfig {
        warnings = List.copyOf(warnings);
    }
}
