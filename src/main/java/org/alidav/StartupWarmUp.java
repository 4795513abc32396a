package org.alidav;

import java.nio.file.Path;
import java.util.Locale;
import org.alidav.config.ConfigLoader;

/**
 * Start-up work that depends on nothing the command line or the config says, begun on a second thread
 * while the main thread parses the command line (picocli, ~0.2 s before the config is read): the two
 * overlap on a machine with more than one core, and the main thread finds the work done. Only the JDK and
 * the config reader are touched: anything that logs would set up slf4j before {@link Main} has given it
 * the configured level.
 */
final class StartupWarmUp {
    private StartupWarmUp() {
    }

    static void begin() {
        Thread thread = new Thread(StartupWarmUp::run, "start-up warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        // the YAML reader the config goes through next: its mapper, shared, and the parser's classes initialized
        new ConfigLoader(Path.of("")).defaults();
        // Jetty's MIME table lists the JVM's locales when the server is built (CLDR data, ~0.1 s); the JDK keeps the list
        Locale.getAvailableLocales();
    }
}
