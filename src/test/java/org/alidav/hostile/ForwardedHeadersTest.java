package org.alidav.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alidav.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Forwarded headers are believed from trusted proxies only: a client cannot choose the address the
 * login lockout counts or the log shows, nor lock someone else out by naming their address.
 */
@Isolated("CapturedLog swaps System.err for the whole process: other classes' log lines would land in it")
class ForwardedHeadersTest {
    @TempDir
    Path dir;

    private TestApp start(String trustedProxies) throws Exception {
        return TestApp.start(dir, "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir.resolve("data") + "', trusted_proxies: "
                + trustedProxies + "}\n"
                + "users: [{name: alice, password: secret}]\n"
                + "storages:\n  - {mount: /, driver: local, root: '" + dir.resolve("files") + "', create_root: true}\n", false);
    }

    @Test
    void anUntrustedPeerCannotDodgeTheLockoutWithXForwardedFor() throws Exception {
        try (TestApp app = start("[]"); CapturedLog log = new CapturedLog()) {
            app.as("alice", "wrong");
            List<Integer> statuses = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                HttpResponse<String> r = app.send("PROPFIND", "/", (String) null, "Depth", "0", "X-Forwarded-For", "10.9.8." + i,
                        "Forwarded", "for=10.7.6." + i);
                statuses.add(r.statusCode());
                if (r.statusCode() == 429) assertTrue(r.headers().firstValue("Retry-After").isPresent());
            }
            System.out.println("20 wrong passwords, each with another X-Forwarded-For, from an untrusted peer: " + statuses);
            assertEquals(List.of(401, 401, 401, 401, 401), statuses.subList(0, 5));
            assertEquals(15, statuses.subList(5, 20).stream().filter(s -> s == 429).count(), "429 from the 6th: " + statuses);
            for (int i = 0; i < 100 && log.linesWith("127.0.0.1 PROPFIND / ").size() < 20; i++) Thread.sleep(20);
            assertEquals(20, log.linesWith("127.0.0.1 PROPFIND / ").size(), "the access log names the real peer");
            assertTrue(log.linesWith("10.9.8.").isEmpty() && log.linesWith("10.7.6.").isEmpty(),
                    "a spoofed address is never logged: " + log.linesWith("10.9.8."));
        }
    }

    @Test
    void namingSomeoneElsesAddressDoesNotLockThemOut() throws Exception {
        try (TestApp app = start("[]")) {
            String wrong = "Authorization: Basic " + basic("alice:wrong") + "\r\nX-Forwarded-For: 127.0.0.2\r\n";
            for (int i = 0; i < 6; i++) RawHttp.send("127.0.0.1", app.app.port(), "GET / HTTP/1.1\r\n" + wrong);
            assertEquals(429, RawHttp.send("127.0.0.1", app.app.port(), "GET / HTTP/1.1\r\n" + wrong).status(), "the guesser is blocked");
            RawHttp.Reply victim = RawHttp.send("127.0.0.2", app.app.port(),
                    "PROPFIND / HTTP/1.1\r\nDepth: 0\r\nAuthorization: Basic " + basic("alice:secret") + "\r\n");
            assertEquals(207, victim.status(), "alice at 127.0.0.2 still logs in");
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientIsCountedApart() throws Exception {
        try (TestApp app = start("[127.0.0.1]"); CapturedLog log = new CapturedLog()) {
            app.as("alice", "wrong");
            for (int i = 0; i < 5; i++) assertEquals(401, app.send("GET", "/", (String) null, "X-Forwarded-For", "10.0.0.1").statusCode());
            assertEquals(429, app.send("GET", "/", (String) null, "X-Forwarded-For", "10.0.0.1").statusCode());
            assertEquals(401, app.send("GET", "/", (String) null, "X-Forwarded-For", "10.0.0.2").statusCode(), "another client is not blocked");
            // the proxy appends the peer it saw: a client's own left-most entry is not believed
            assertEquals(401, app.send("GET", "/", (String) null, "X-Forwarded-For", "10.0.0.1, 10.0.0.3").statusCode());
            assertEquals(207, app.as("alice", "secret").send("PROPFIND", "/", (String) null, "Depth", "0",
                    "Forwarded", "for=\"10.0.0.4:5555\";proto=http").statusCode());
            assertEquals(5, log.linesWith("failed login for user 'alice' from 10.0.0.1").size(), log.lines().toString());
            assertEquals(1, log.linesWith("failed login for user 'alice' from 10.0.0.3").size());
            assertEquals(1, log.awaitLinesWith("10.0.0.4 PROPFIND / 207").size(), "the access log names the forwarded client");
            assertFalse(log.lines().stream().anyMatch(l -> l.contains("failed login") && l.contains("127.0.0.1")));
        }
    }

    private static String basic(String userColonPassword) {
        return java.util.Base64.getEncoder().encodeToString(userColonPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
