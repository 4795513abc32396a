package org.alidav.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.alidav.dav.DavTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic auth, anonymous access, read-only users and servers, and the brute-force brake. */
class AccessHttpTest {
    private static final String[] WRITES = {"PUT", "DELETE", "MKCOL", "MOVE", "COPY", "PROPPATCH", "LOCK", "UNLOCK"};

    @TempDir
    Path dir;

    @Test
    void credentialsAreRequiredExceptForOptions() throws Exception {
        try (DavTestServer dav = DavTestServer.start(dir)) {
            dav.as(null, null);
            HttpResponse<String> r = dav.send("PROPFIND", "/", null, "Depth", "0");
            assertEquals(401, r.statusCode());
            assertEquals("Basic realm=\"AliDAV\"", r.headers().firstValue("WWW-Authenticate").orElse(""));
            HttpResponse<String> options = dav.send("OPTIONS", "/", null);
            assertEquals(200, options.statusCode());
            assertEquals("1", options.headers().firstValue("DAV").orElse(""));
            assertEquals(401, dav.as(DavTestServer.USER, "wrong").send("GET", "/", null).statusCode());
            assertEquals(207, dav.as(DavTestServer.USER, DavTestServer.PASSWORD).send("PROPFIND", "/", null, "Depth", "0").statusCode());
        }
    }

    @Test
    void readOnlyUserMayReadButNotWrite() throws Exception {
        try (DavTestServer dav = DavTestServer.start(dir)) {
            dav.send("PUT", "/f.txt", "x");
            dav.as("bob", "reader");
            assertEquals(200, dav.send("GET", "/f.txt", null).statusCode());
            for (String m : WRITES) {
                assertEquals(403, dav.send(m, "/f.txt", null, "Destination", dav.url("/g.txt")).statusCode(), m);
            }
        }
    }

    @Test
    void readOnlyServerRefusesEveryWrite() throws Exception {
        try (DavTestServer dav = DavTestServer.start(dir, s -> s.withReadOnly(true))) {
            assertEquals(207, dav.send("PROPFIND", "/", null, "Depth", "1").statusCode());
            for (String m : WRITES) assertEquals(403, dav.send(m, "/f.txt", null, "Destination", dav.url("/g.txt")).statusCode(), m);
        }
    }

    @Test
    void anonymousAccessWhenAllowed() throws Exception {
        try (DavTestServer dav = DavTestServer.start(dir, s -> s.withAllowAnonymous(true))) {
            dav.as(null, null);
            assertEquals(201, dav.send("PUT", "/anon.txt", "x").statusCode());
            assertEquals(401, dav.as(DavTestServer.USER, "wrong").send("GET", "/anon.txt", null).statusCode());
        }
    }

    @Test
    void fiveFailedLoginsBlockTheAddressForThatName() throws Exception {
        try (DavTestServer dav = DavTestServer.start(dir)) {
            dav.as(DavTestServer.USER, "guess");
            for (int i = 0; i < 5; i++) assertEquals(401, dav.send("GET", "/", null).statusCode());
            HttpResponse<String> sixth = dav.send("GET", "/", null);
            assertEquals(429, sixth.statusCode());
            assertTrue(sixth.headers().firstValue("Retry-After").isPresent());
            assertEquals(429, dav.as(DavTestServer.USER, DavTestServer.PASSWORD).send("GET", "/", null).statusCode());
            assertEquals(200, dav.as("bob", "reader").send("GET", "/", null).statusCode(), "other names are counted apart");
            assertEquals(200, dav.as(null, null).send("OPTIONS", "/", null).statusCode());
        }
    }
}
