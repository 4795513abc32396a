package org.alidav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client was told survives the server: a lock it holds (so Finder and Office can save and
 * unlock after a restart) and the properties it set, through a clean restart and through {@code kill -9}.
 */
@EndToEnd
class LastingStateTest {
    private static final String SET_COLOR = "<D:propertyupdate xmlns:D=\"DAV:\" xmlns:t=\"urn:t\"><D:set><D:prop>"
            + "<t:color>red</t:color></D:prop></D:set></D:propertyupdate>";
    private static final String GET_COLOR = "<D:propfind xmlns:D=\"DAV:\" xmlns:t=\"urn:t\"><D:prop><t:color/></D:prop></D:propfind>";

    @TempDir
    Path dir;

    /** Before the restart: a file, a property on it and a lock on it; answers the lock token. */
    private static String lockAndSetAProperty(TestClient client) throws Exception {
        assertEquals(201, client.send("PUT", "/doc.txt", "v1").statusCode());
        HttpResponse<String> lock = client.send("LOCK", "/doc.txt", DavLocks.EXCLUSIVE_BODY, "Timeout", "Second-3600");
        assertEquals(200, lock.statusCode(), lock.body());
        String token = DavLocks.token(lock);
        HttpResponse<String> patch = client.send("PROPPATCH", "/doc.txt", SET_COLOR, "If", "(<" + token + ">)");
        assertTrue(patch.body().contains("200 OK"), patch.body());
        return token;
    }

    /** After the restart: the property is there, the lock still guards the file, and its holder can write and unlock. */
    private static void stillLockedAndSet(TestClient client, String token) throws Exception {
        assertTrue(client.send("PROPFIND", "/doc.txt", GET_COLOR, "Depth", "0").body().contains(">red</"), "the property is kept");
        assertEquals(423, client.send("PUT", "/doc.txt", "intruder").statusCode(), "the lock still guards the file");
        assertEquals(204, client.send("PUT", "/doc.txt", "v2", "If", "(<" + token + ">)").statusCode());
        assertEquals(204, client.send("UNLOCK", "/doc.txt", (String) null, "Lock-Token", "<" + token + ">").statusCode());
        assertEquals(204, client.send("PUT", "/doc.txt", "v3").statusCode(), "unlocked");
    }

    @Test
    void aLockAndAPropertyOutliveARestart() throws Exception {
        String token;
        try (TestApp app = TestApp.local(dir, "")) {
            token = lockAndSetAProperty(new TestClient("http://127.0.0.1:" + app.app.port()));
        }
        try (TestApp app = TestApp.local(dir, "")) {
            stillLockedAndSet(new TestClient("http://127.0.0.1:" + app.app.port()), token);
        }
    }

    @Test
    void whatWasAcknowledgedOutlivesKillDashNine() throws Exception {
        Path config = Files.writeString(dir.resolve("alidav.yaml"), TestApp.localYaml(dir, 0));
        String token;
        ChildServer first = ChildServer.start(config, "-Xmx128m");
        try {
            token = lockAndSetAProperty(new TestClient(first.url));
        } finally {
            first.kill();
        }
        try (ChildServer second = ChildServer.start(config, "-Xmx128m")) {
            stillLockedAndSet(new TestClient(second.url), token);
        }
    }
}
