package org.alidav.dav.props;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.alidav.dav.mount.Mount;
import org.alidav.drive.DrivePath;
import org.alidav.drive.cache.Storage;
import org.alidav.drive.local.LocalDriver;
import org.alidav.state.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyPropertiesImportTest {
    @TempDir
    Path dir;

    @Test
    void theJsonFileIsImportedOnceWithinTheLimitsAndRenamed() throws Exception {
        String big = "x".repeat(70 * 1024);
        Files.writeString(dir.resolve("dead-properties.json"), "{\"storage0\":{\"/a b\":{\"{urn:x}color\":\"<b xmlns=\\\"urn:x\\\">red</b>\","
                + "\"plain\":\"1\",\"{urn:x}huge\":\"" + big + "\"},\"/c\":{\"{urn:x}color\":\"blue\"}}}");
        Storage storage = new Storage("storage0", new LocalDriver(Files.createDirectories(dir.resolve("files")), Clock.systemUTC()),
                Duration.ofMinutes(1), Clock.systemUTC());
        Mount mount = new Mount(List.of(), storage, storage);
        try (StateStore state = StateStore.open(dir.resolve("state.db"))) {
            DeadPropertyStore store = new DeadPropertyStore(state, PropertyLimits.STANDARD);
            LegacyPropertiesImport.run(dir, store);
            assertEquals(Map.of(new QName("urn:x", "color"), "<b xmlns=\"urn:x\">red</b>", new QName("plain"), "1"),
                    store.get(mount.locate(DrivePath.parse("/a b"))), "the value over 64 KiB is left out");
            assertEquals("blue", store.get(mount.locate(DrivePath.parse("/c"))).get(new QName("urn:x", "color")));
            assertFalse(Files.exists(dir.resolve("dead-properties.json")));
            assertTrue(Files.exists(dir.resolve("dead-properties.json.imported")));

            store.apply(mount.locate(DrivePath.parse("/c")), Map.of(new QName("urn:x", "color"), "green"));
            LegacyPropertiesImport.run(dir, store);
            assertEquals("green", store.get(mount.locate(DrivePath.parse("/c"))).get(new QName("urn:x", "color")), "imported once only");
        } finally {
            storage.close();
        }
    }
}
