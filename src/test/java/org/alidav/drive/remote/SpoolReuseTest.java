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

    /** Each folder's gauge counts its own spools only (the process-wide one counts them all, and moves with other uploads). */
    @Test
    void aResetSpoolHoldsOnlyWhatWasWrittenSinceAndTheGaugeCountsThat() throws Exception {
        SpoolGauge gauge = Spool.gauge(dir);
        try (Spool spool = Spool.create(dir)) {
            spool.fill(new ByteArrayInputStream(bytes("the first, longer part")), -1, null);
            assertEquals(22, gauge.held());
            try (Spool elsewhere = Spool.create(dir.resolve("other"))) {
                elsewhere.write(bytes("other"), 0, 5);
                assertEquals(22, gauge.held(), "another folder's spool is not counted here");
                assertEquals(5, Spool.gauge(dir.resolve("other")).held());
            }
            spool.reset();
            assertEquals(0, gauge.held());
            byte[] second = bytes("second");
            spool.write(second, 0, 3);
            spool.fill(new ByteArrayInputStream(second, 3, 3), 10, null);
            assertEquals(6, spool.size());
            assertEquals(6, gauge.held());
            try (InputStream in = spool.read()) {
                assertArrayEquals(second, in.readAllBytes(), "none of the earlier part's bytes");
            }
        }
        assertEquals(0, gauge.held());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
