package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSink;
import okio.Okio;
import org.alidav.drive.DriveException;
import org.alidav.drive.remote.Spool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartBodyTest {
    private static final int PART = 150_000;
    @TempDir
    Path dir;
    final byte[] data = UploadTest.content(400_000);
    final ByteArrayInputStream client = new ByteArrayInputStream(data);
    final MessageDigest digest = sha1();

    @Test
    void aWriteBrokenMidwayIsFollowedByAWholeOneThatReadsTheClientOnlyOnce() throws Exception {
        try (Spool copy = Spool.create(dir)) {
            PartBody part = new PartBody(client, 0, PART, data.length, copy, digest);
            assertThrows(IOException.class, () -> part.writeTo(failingAfter(70_000)));
            assertNull(part.clientFailure(), "the object storage's failure, not the client's");

            Buffer resent = new Buffer();
            part.writeTo(resent);
            assertArrayEquals(Arrays.copyOf(data, PART), resent.readByteArray(), "the copied bytes, then the rest from the client");
            assertEquals(data.length - PART, client.available(), "no byte of the next part read");
            assertEquals(hex(sha1(Arrays.copyOf(data, PART))), hex(digest), "each byte hashed once");
        }
    }

    @Test
    void afterReadRestTheResendNeedsNoClient() throws Exception {
        try (Spool copy = Spool.create(dir)) {
            PartBody part = new PartBody(client, PART, PART, data.length, copy, digest);
            client.skipNBytes(PART);
            assertThrows(IOException.class, () -> part.writeTo(failingAfter(20_000)));
            part.readRest();
            assertEquals(data.length - 2 * PART, client.available());
            assertEquals(PART, copy.size());

            Buffer resent = new Buffer();
            part.writeTo(resent);
            assertArrayEquals(Arrays.copyOfRange(data, PART, 2 * PART), resent.readByteArray());
            assertEquals(data.length - 2 * PART, client.available(), "sent from the copy alone");
        }
    }

    @Test
    void aFailingClientBodyIsKeptApartFromTheObjectStoragesFailures() throws Exception {
        InputStream broken = new InputStream() {
            int left = 10_000;

            @Override
            public int read() throws IOException {
                if (left-- > 0) return 1;
                throw new IOException("client gone");
            }
        };
        try (Spool copy = Spool.create(dir)) {
            PartBody part = new PartBody(broken, 0, PART, data.length, copy, null);
            assertThrows(IOException.class, () -> part.writeTo(new Buffer()));
            DriveException failure = part.clientFailure();
            assertEquals(DriveException.Kind.CONFLICT, failure.kind());
            assertSame(failure, assertThrows(DriveException.class, part::readRest), "a resend cannot mend it");
        }
    }

    @Test
    void aClientBodyEndingInsideThePartSaysWhere() throws Exception {
        try (Spool copy = Spool.create(dir)) {
            PartBody part = new PartBody(new ByteArrayInputStream(data, 0, 100_000), PART, PART, 3 * PART, copy, null);
            assertThrows(IOException.class, () -> part.writeTo(new Buffer()));
            assertTrue(part.clientFailure().getMessage().contains("after " + (PART + 100_000) + " of " + 3 * PART),
                    part.clientFailure().getMessage());
        }
    }

    /** A connection that breaks once {@code limit} bytes have gone out. */
    private static BufferedSink failingAfter(long limit) {
        return Okio.buffer(new ForwardingSink(new Buffer()) {
            long sent;

            @Override
            public void write(Buffer source, long byteCount) throws IOException {
                sent += byteCount;
                if (sent > limit) throw new IOException("connection reset");
                super.write(source, byteCount);
            }
        });
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha1(byte[] b) {
        MessageDigest d = sha1();
        d.update(b);
        return d;
    }

    private static String hex(MessageDigest d) {
        try {
            return HexFormat.of().formatHex(((MessageDigest) d.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
