package org.alidav;

import org.slf4j.LoggerFactory;

/**
 * {@code kill -HUP <pid>} drops every cached folder listing (like {@code POST /-/cache/drop}), the way
 * rclone and aliyundrive-webdav do. Uses {@code sun.misc.Signal} (module jdk.unsupported, present
 * in every OpenJDK); where the platform has no SIGHUP (Windows) nothing is installed.
 */
final class Hangup {
    private Hangup() {
    }

    static void onSignal(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> action.run());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LoggerFactory.getLogger(Hangup.class).info("SIGHUP is not available here ({}); use POST /-/cache/drop", e.toString());
        }
    }
}
