package org.alidav.dav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milton.config.HttpManagerBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.alidav.dav.lock.LockTargets;
import org.alidav.dav.lock.TargetConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integration point for the lock package: LockTargets, and DELETE/MOVE events. */
class DavExtensionHttpTest {
    @TempDir
    Path dir;

    static final class RecordingExtension implements DavExtension {
        final AtomicReference<LockTargets> targets = new AtomicReference<>();
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void install(HttpManagerBuilder builder, LockTargets lockTargets) {
            targets.set(lockTargets);
        }

        @Override
        public void onDelete(String path) {
            events.add("delete " + path);
        }

        @Override
        public void onMove(String from, String to) {
            events.add("move " + from + " " + to);
        }
    }

    @Test
    void lockTargetsAndPathEvents() throws Exception {
        RecordingExtension ext = new RecordingExtension();
        try (DavTestServer dav = DavTestServer.start(dir, s -> s.withExtensions(List.of(ext)), "/m")) {
            LockTargets t = ext.targets.get();
            assertFalse(t.exists("/m/new.txt"));
            t.createEmpty("/m/new.txt");
            assertTrue(t.exists("/m/new.txt"));
            assertEquals(0, Files.size(dav.storageRoot(0).resolve("new.txt")));
            String etag = dav.send("HEAD", "/m/new.txt", null).headers().firstValue("ETag").orElseThrow();
            assertEquals(etag, t.etag("/m/new.txt").orElseThrow());
            assertTrue(t.exists("/"));
            assertThrows(TargetConflictException.class, () -> t.createEmpty("/m/no/x.txt"));
            assertThrows(TargetConflictException.class, () -> t.createEmpty("/elsewhere/x.txt"));

            dav.send("MOVE", "/m/new.txt", null, "Destination", dav.url("/m/b%20c.txt"));
            dav.send("DELETE", "/m/b%20c.txt", null);
            assertEquals(List.of("move /m/new.txt /m/b c.txt", "delete /m/b c.txt"), ext.events);
        }
    }
}
