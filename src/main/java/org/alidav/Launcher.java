package org.alidav;

import java.io.PrintStream;
import org.alidav.config.ConfigException;
import org.alidav.config.LoadedConfig;
import org.alidav.config.StorageConfig;
import org.alidav.server.PortInUseException;
import org.alidav.server.tls.TlsFileException;
import org.alidav.state.DataDirInUseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the application for {@link Main} and stops it cleanly when the JVM is asked to exit. */
final class Launcher {
    private Launcher() {
    }

    static int serve(LoadedConfig loaded, boolean sandbox, PrintStream out, PrintStream err) {
        Logger log = LoggerFactory.getLogger(Launcher.class);
        loaded.warnings().forEach(w -> log.warn("{}", w));
        Application app;
        try {
            app = Application.start(loaded.config(), sandbox);
        } catch (ConfigException | DataDirInUseException | TlsFileException | PortInUseException e) {
            err.println("alidav: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            log.error("cannot start: {}", e.getMessage(), e);
            err.println("alidav: cannot start: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        Hangup.onSignal(() -> log.info("SIGHUP: dropped {} cached folder listings", app.dropCaches("/")));
        out.println("AliDAV " + org.alidav.config.Cli.version() + " serving WebDAV at " + app.url());
        out.println("  config: " + app.config().source());
        app.certificate().ifPresent(c -> out.println("  TLS certificate " + c.leaf().getSubjectX500Principal().getName()
                + ", SHA-256 fingerprint " + c.fingerprint()));
        for (StorageConfig s : app.config().storages()) out.println("  " + s.mount() + "  ->  " + s.driver());
        app.sandbox().ifPresent(s -> out.println("  sandbox Open API emulator at " + s.baseUrl() + " (state in "
                + app.config().server().dataDir().resolve("sandbox") + ")"));
        if (app.config().users().isEmpty()) out.println("  no users configured: open to clients on this machine only");
        app.startupProblems().forEach(problem -> log.error("{}", problem));
        return 0;
    }
}
