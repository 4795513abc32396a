package org.alidav.aliyun;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.Supplier;
import org.alidav.drive.ByteRange;
import org.alidav.drive.DriveException;
import org.alidav.drive.Entry;
import org.alidav.drive.Link;
import org.alidav.drive.remote.DownloadGate;
import org.alidav.drive.remote.LinkCache;
import org.alidav.drive.remote.ResumingStream;
import org.alidav.drive.remote.Upstream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading cloud files through this server: admission by the user's {@link DownloadGate}, links from
 * the {@link LinkCache} (one getDownloadUrl per link life), a fresh link when the object storage
 * says the old one expired, short retries of {@code ExceedMaxConcurrency} refusals, and
 * {@link ResumingStream}s that continue at the current byte when the body breaks.
 */
final class Downloads {
    private static final Logger log = LoggerFactory.getLogger(Downloads.class);
    /** How long a concurrency refusal is retried before the request fails: "briefly". */
    static final Duration BUSY_PATIENCE = Duration.ofSeconds(15);
    private static final int MAX_RELINKS = 3;
    private static final int MAX_CONNECT_FAILURES = 3;

    private final ObjectReader reader;
    private final LinkCache links;
    private final java.util.function.BiFunction<String, Boolean, Link> resolver;
    private final Supplier<DownloadGate> gate;

    Downloads(ObjectReader reader, LinkCache links, java.util.function.BiFunction<String, Boolean, Link> resolver, Supplier<DownloadGate> gate) {
        this.reader = reader;
        this.links = links;
        this.resolver = resolver;
        this.gate = gate;
    }

    DownloadGate gate() {
        return gate.get();
    }

    /** A link for a client to fetch itself (a 302): with at least half its life left. */
    Link link(Entry file) {
        return links.fresh(file.id(), () -> fetch(file));
    }

    /** A link for our own read, which re-links when it dies. */
    private Link readLink(Entry file) {
        return links.get(file.id(), () -> fetch(file));
    }

    /**
     * The size of what a link of {@code file} serves, from a one-byte read through the user's gate (it
     * competes with downloads for the same connections); a refused link is replaced once.
     */
    long servedSize(Entry file) {
        DownloadGate g = gate.get();
        g.acquire();
        try {
            java.util.Optional<Long> size = reader.totalSize(readLink(file).url());
            if (size.isEmpty()) {
                links.invalidate(file.id());
                size = reader.totalSize(readLink(file).url());
            }
            return size.orElseThrow(() -> DriveException.upstream("the object storage gave no size for " + file.name(), null));
        } finally {
            g.release();
        }
    }

    private Link fetch(Entry file) {
        return resolver.apply(file.id(), FileMapper.isLivp(file));
    }

    InputStream open(Entry file, ByteRange range) {
        DownloadGate g = gate.get();
        try {
            return new ResumingStream(file.id(), range, file.size(), g, (offset, suspect) -> connect(file, offset, suspect, g));
        } catch (IOException e) {
            throw DriveException.unavailable("object storage unreachable: " + e.getMessage(), Duration.ofSeconds(2), e);
        }
    }

    /** An upstream stream of {@code file} from {@code offset}, holding a permit of {@code g}. */
    private Upstream connect(Entry file, long offset, boolean linkSuspect, DownloadGate g) throws IOException {
        if (linkSuspect) links.invalidate(file.id());
        g.acquire();
        boolean handedOver = false;
        try {
            Upstream u = ((ObjectReader.Opened) ask(file, g, url -> reader.open(file.id(), url, offset, g))).upstream();
            handedOver = true;
            return u;
        } finally {
            if (!handedOver) g.release();
            else g.countOpened();
        }
    }

    /** Exactly {@code length} bytes of {@code file} from {@code offset}, with one bounded request, through the gate. */
    byte[] readExactly(Entry file, long offset, int length) {
        DownloadGate g = gate.get();
        try {
            g.acquire();
            try {
                return ((ObjectReader.Read) ask(file, g, url -> reader.readExactly(url, offset, length))).bytes();
            } finally {
                g.release();
            }
        } catch (IOException e) {
            throw DriveException.unavailable("object storage unreachable: " + e.getMessage(), Duration.ofSeconds(2), e);
        }
    }

    /** One request to the object storage with the file's current link. */
    @FunctionalInterface
    private interface Request {
        ObjectReader.Answer send(String url) throws IOException;
    }

    /**
     * Sends {@code request} until it is answered with content: a fresh link after an expiry (a few
     * times), again after a network failure (a few times), and again after concurrency refusals (briefly).
     */
    private ObjectReader.Answer ask(Entry file, DownloadGate g, Request request) throws IOException {
        int relinks = 0;
        int connectFailures = 0;
        long busySleep = 100;
        long busyDeadline = System.nanoTime() + BUSY_PATIENCE.toNanos();
        while (true) {
            ObjectReader.Answer answer;
            try {
                answer = request.send(readLink(file).url());
            } catch (IOException e) {
                if (++connectFailures >= MAX_CONNECT_FAILURES) throw e;
                sleep(200L * connectFailures);
                continue;
            }
            if (answer instanceof ObjectReader.Expired x) {
                links.invalidate(file.id());
                if (++relinks > MAX_RELINKS) throw DriveException.upstream("the object storage refused fresh links for " + file.name() + ": " + x.code(), null);
                log.debug("link of {} refused ({}); fetching a fresh one", file.id(), x.code());
            } else if (answer instanceof ObjectReader.Busy) {
                g.countBusyRetry();
                if (System.nanoTime() > busyDeadline) {
                    throw DriveException.unavailable("the object storage refuses more concurrent downloads (ExceedMaxConcurrency)", Duration.ofSeconds(5), null);
                }
                sleep(busySleep);
                busySleep = Math.min(busySleep * 2, 1000);
            } else {
                return answer;
            }
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }
}
