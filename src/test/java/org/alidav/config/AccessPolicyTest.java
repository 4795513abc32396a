package org.alidav.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    private static AppConfig config(String host, boolean anonymous, String users) {
        return withServer("{host: '" + host + "'}", anonymous, users);
    }

    private static AppConfig withServer(String server, boolean anonymous, String users) {
        return new ConfigLoader(Path.of("/w")).parse("server: " + server + "\nallow_anonymous: " + anonymous
                + "\nusers: " + users + "\nstorages: [{mount: /, driver: local, root: x}]\n", "alidav.yaml").config();
    }

    @Test
    void loopbackIsJudgedFromTheTextAlone() {
        for (String host : List.of("127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]", "0:0:0:0:0:0:0:1")) {
            assertTrue(AccessPolicy.isLoopback(host), host);
        }
        for (String host : List.of("0.0.0.0", "::", "192.168.1.10", "128.0.0.1", "example.com", "localhost.example.com", "127.0.0.1.nip.io")) {
            assertFalse(AccessPolicy.isLoopback(host), host);
        }
    }

    @Test
    void refusesANetworkAddressWithoutUsers() {
        ConfigException e = assertThrows(ConfigException.class, () -> AccessPolicy.check(config("0.0.0.0", false, "[]")));
        assertEquals("alidav.yaml: server.host: listening on 0.0.0.0 needs users"
                + " (or allow_anonymous: true to open it to everyone who can reach it)", e.getMessage());
    }

    @Test
    void acceptsANetworkAddressWithUsersAndWarnsThatPasswordsTravelInClearWithoutTls() {
        assertEquals(List.of("the server listens on 0.0.0.0 without TLS: passwords travel in clear; set server.tls_cert"
                + " and server.tls_key, or server.tls_self_signed: true"), AccessPolicy.check(config("0.0.0.0", false, "[{name: a, password: b}]")));
        assertEquals(List.of(), AccessPolicy.check(withServer("{host: 0.0.0.0, tls_self_signed: true}", false, "[{name: a, password: b}]")));
        assertEquals(List.of(), AccessPolicy.check(withServer("{host: 0.0.0.0, tls_cert: c.pem, tls_key: k.pem}", false, "[{name: a, password: b}]")));
        assertEquals(List.of(), AccessPolicy.check(config("127.0.0.1", false, "[{name: a, password: b}]")), "loopback stays on this machine");
    }

    @Test
    void acceptsLoopbackWithoutUsers() {
        assertEquals(List.of(), AccessPolicy.check(config("127.0.0.1", false, "[]")));
        assertEquals(List.of(), AccessPolicy.check(config("localhost", true, "[]")));
    }

    @Test
    void warnsWhenAnonymousAccessIsOpenToTheNetwork() {
        assertEquals(List.of("allow_anonymous is true and the server listens on 192.168.1.10:"
                        + " anyone who can reach it can read and change the storages"),
                AccessPolicy.check(config("192.168.1.10", true, "[]")));
    }
}
