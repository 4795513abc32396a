package org.alidav.drive.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolReuseTest {
    @TempDir
    Path dir;

    @Test
    void aResetSpoolHoldsOnlyWhatWasWrittenSinceAndTheGaugeCountsThat() throws Exception {
        long before = Spool.GAUGE.held();
        try (Spool spool = Spool.create(dir)) {
            spool.fill(new ByteArrayInputStream(bytes("the first, longer part")), -1, null);
            assertEquals(before + 22, Spool.GAUGE.held());
            spool.reset();
            assertEquals(before, Spool.GAUGE.held());
            byte[] second = bytes("second");
            spool.write(second, 0, 3);
            spool.fill(new ByteArrayInputStream(second, 3, 3), 10, null);
            assertEquals(6, spool.size());
            assertEquals(before + 6, Spool.GAUGE.held());
            try (InputStream in = spool.read()) {
                assertArrayEquals(second, in.readAllBytes(), "none of the earlier part's bytes");
            }
        }
        assertEquals(before, Spool.GAUGE.held());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
