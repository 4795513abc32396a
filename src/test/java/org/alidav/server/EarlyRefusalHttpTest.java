package org.alidav.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alidav.dav.DavTestServer;
import org.alidav.dav.LockingExtension;
import org.alidav.dav.lock.LockManager;
import org.alidav.dav.lock.LockTable;
import org.alidav.drive.Quota;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client refused while it is still sending a large body gets the refusal, not a reset connection:
 * the JDK client used here reads the answer only after its whole body went out, the hardest case.
 */
class EarlyRefusalHttpTest {
    /** Larger than the socket buffers on both sides, so the client is mid-body when the answer comes. */
    private static final byte[] LARGE = new byte[8 << 20];

    @TempDir
    Path dir;
    DavTestServer dav;

    @BeforeEach
    void start() throws Exception {
        dav = DavTestServer.start(dir, s -> s.withExtensions(List.of(new LockingExtension(new LockManager(new LockTable(s.state()))))));
    }

    @AfterEach
    void stop() throws Exception {
        dav.close();
    }

    @Test
    void uploadOverTheKnownFreeSpaceIs507() throws Exception {
        dav.drivers.get(0).quota = new Quota(95, 100);
        assertEquals(207, dav.send("PROPFIND", "/", "<?xml version=\"1.0\"?><D:propfind xmlns:D=\"DAV:\"><D:prop>"
                + "<D:quota-available-bytes/></D:prop></D:propfind>", "Depth", "0").statusCode());
        assertEquals(507, put("/big.bin").statusCode());
        assertFalse(Files.exists(dav.storageRoot(0).resolve("big.bin")));
    }

    @Test
    void oversizedPropfindBodyIs413() throws Exception {
        byte[] body = new byte[17 << 20];
        assertEquals(413, dav.sendBytes("PROPFIND", "/", body, "Depth", "0", "Content-Type", "text/xml").statusCode());
    }

    @Test
    void uploadWithoutCredentialsIs401() throws Exception {
        dav.as(null, null);
        assertEquals(401, put("/anonymous.bin").statusCode());
    }

    @Test
    void uploadByAReadOnlyUserIs403() throws Exception {
        dav.as("bob", "reader");
        assertEquals(403, put("/read-only.bin").statusCode());
    }

    @Test
    void uploadOntoALockedFileIs423() throws Exception {
        assertEquals(201, dav.send("PUT", "/locked.bin", "old").statusCode());
        String lockInfo = "<?xml version=\"1.0\"?><D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:exclusive/></D:lockscope>"
                + "<D:locktype><D:write/></D:locktype><D:owner>test</D:owner></D:lockinfo>";
        assertEquals(200, dav.send("LOCK", "/locked.bin", lockInfo, "Timeout", "Second-600").statusCode());
        assertEquals(423, put("/locked.bin").statusCode());
        assertEquals("old", Files.readString(dav.storageRoot(0).resolve("locked.bin")));
    }

    @Test
    void theConnectionServesTheNextRequestOrClosesCleanly() throws Exception {
        dav.as(null, null);
        for (int i = 0; i < 3; i++) assertEquals(401, put("/again.bin").statusCode());
        dav.as(DavTestServer.USER, DavTestServer.PASSWORD);
        assertEquals(201, dav.send("PUT", "/after.txt", "fine").statusCode());
    }

    private HttpResponse<byte[]> put(String path) throws Exception {
        return dav.sendBytes("PUT", path, LARGE);
    }
}
