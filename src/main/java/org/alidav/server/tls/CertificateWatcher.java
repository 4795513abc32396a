package org.alidav.server.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the certificate and key files every {@link TlsSource#reloadInterval()} and hands a renewed
 * pair to its consumer. Polling, not a file-system watch: certbot replaces symlinks under
 * {@code live/}, acme.sh copies over files, and containers mount them; a look at the modification time
 * and size of both paths (links followed) sees every one of these. A pair caught half-written (the
 * key renewed, the certificate not yet) fails the key check and is tried again at the next look.
 */
final class CertificateWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CertificateWatcher.class);

    private final TlsSource source;
    private final Consumer<PemIdentity> renewed;
    private final ScheduledExecutorService timer;
    private List<Object> lastSeen;

    CertificateWatcher(TlsSource source, Consumer<PemIdentity> renewed) {
        this.source = source;
        this.renewed = renewed;
        this.lastSeen = stamp();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tls-reload");
            t.setDaemon(true);
            return t;
        });
        long millis = source.reloadInterval().toMillis();
        timer.scheduleWithFixedDelay(this::look, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void look() {
        List<Object> now = stamp();
        if (now.equals(lastSeen)) return;
        try {
            PemIdentity identity = PemIdentityReader.read(source.cert(), source.key());
            renewed.accept(identity);
            lastSeen = now;
            log.info("TLS certificate reloaded from {}: {}, SHA-256 {}", source.cert(),
                    identity.leaf().getSubjectX500Principal().getName(), identity.fingerprint());
        } catch (TlsFileException e) {
            log.warn("TLS certificate not reloaded, still serving the previous one: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("TLS certificate not reloaded, still serving the previous one", e);
        }
    }

    /** Modification time and size of both files: what changes when either is replaced. */
    private List<Object> stamp() {
        return List.of(stampOf(source.cert()), stampOf(source.key()));
    }

    private static Object stampOf(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
        } catch (IOException e) {
            return "absent"; // mid-renewal; the next look sees the new file
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
