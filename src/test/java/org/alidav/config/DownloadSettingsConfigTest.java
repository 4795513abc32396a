package org.alidav.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.alidav.dav.download.DownloadPolicy;
import org.junit.jupiter.api.Test;

/** The {@code downloads:} section: defaults, a full section, and every error naming its key. */
class DownloadSettingsConfigTest {
    private static final String STORAGE = "storages:\n  - {mount: /, driver: local, root: /tmp/x}\n";
    private final ConfigLoader loader = new ConfigLoader(Path.of("/srv"));

    private DownloadSettings parse(String downloads) {
        return loader.parse(STORAGE + downloads, "t.yaml").config().downloads();
    }

    private String error(String downloads) {
        return assertThrows(ConfigException.class, () -> parse(downloads)).getMessage();
    }

    @Test
    void absentSectionMeansShippedDefaults() {
        DownloadSettings d = parse("");
        assertEquals(DownloadSettings.defaults(), d);
        assertEquals("/d", d.signPath());
        assertEquals(Duration.ofHours(6), d.signExpiry());
        assertEquals(16, d.maxRanges());
        assertTrue(d.clientRules().stream().anyMatch(r -> r.pattern().matcher("Microsoft-WebDAV-MiniRedir/10.0.19045").find()));
        assertTrue(d.clientRules().stream().anyMatch(r -> r.pattern().matcher("").find()), "a missing User-Agent is proxied");
        assertFalse(d.clientRules().stream().anyMatch(r -> r.pattern().matcher("Infuse/7.7").find()));
    }

    @Test
    void fullSection() {
        DownloadSettings d = parse("""
                downloads:
                  sign_path: /-/d
                  sign_secret: "0123456789abcdefXYZ"
                  sign_expiry: 0
                  max_ranges: 4
                  client_rules:
                    - {user_agent: "Kodi", policy: native_proxy}
                    - {address: 10.0.0.0/8, policy: 302_redirect}
                    - {user_agent: ".", address: "fd00::/8", policy: storage}
                """);
        assertEquals("/-/d", d.signPath());
        assertEquals(Optional.of("0123456789abcdefXYZ"), d.signSecret());
        assertEquals(Duration.ZERO, d.signExpiry());
        assertEquals(4, d.maxRanges());
        assertEquals(3, d.clientRules().size());
        assertEquals(List.of(DownloadPolicy.PROXY, DownloadPolicy.REDIRECT, DownloadPolicy.STORAGE),
                d.clientRules().stream().map(DownloadSettings.ClientRule::policy).toList());
        assertTrue(d.clientRules().get(1).address().orElseThrow().contains(addr("10.20.30.40")));
        assertFalse(d.clientRules().get(1).address().orElseThrow().contains(addr("11.0.0.1")));
        assertTrue(d.clientRules().get(2).address().orElseThrow().contains(addr("fd12::1")));
        assertEquals(List.of(), parse("downloads:\n  client_rules: []\n").clientRules());
    }

    private static InetAddress addr(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void errorsNameTheKey() {
        assertTrue(error("downloads:\n  sign_pth: /d\n").contains("downloads.sign_pth: unknown key"));
        assertTrue(error("downloads:\n  sign_path: d\n").contains("downloads.sign_path"));
        assertTrue(error("downloads:\n  sign_path: /a/../b\n").contains("downloads.sign_path"));
        assertTrue(error("downloads:\n  sign_secret: short\n").contains("downloads.sign_secret: must be at least 16"));
        assertTrue(error("downloads:\n  sign_expiry: soon\n").contains("downloads.sign_expiry"));
        assertTrue(error("downloads:\n  max_ranges: 0\n").contains("downloads.max_ranges: must be a whole number of at least 1"));
        assertTrue(error("downloads:\n  max_ranges: many\n").contains("downloads.max_ranges"));
        assertTrue(error("downloads:\n  client_rules: {user_agent: x}\n").contains("downloads.client_rules: must be a list"));
        assertTrue(error("downloads:\n  client_rules:\n    - {user_agent: '(', policy: native_proxy}\n")
                .contains("downloads.client_rules[0].user_agent: is not a valid regular expression"));
        assertTrue(error("downloads:\n  client_rules:\n    - {user_agent: x, policy: proxy}\n")
                .contains("downloads.client_rules[0].policy: must be one of 302_redirect, native_proxy, use_proxy_url, storage, not 'proxy'"));
        assertTrue(error("downloads:\n  client_rules:\n    - {user_agent: x}\n").contains("downloads.client_rules[0].policy: is required"));
        assertTrue(error("downloads:\n  client_rules:\n    - {policy: native_proxy}\n").contains("downloads.client_rules[0].user_agent: is required"));
        assertTrue(error("downloads:\n  client_rules:\n    - {user_agent: x, address: example.com, policy: native_proxy}\n")
                .contains("downloads.client_rules[0].address: must be an IP address"));
        assertTrue(error("downloads:\n  client_rules:\n    - {user_agent: x, address: 10.0.0.0/33, policy: native_proxy}\n")
                .contains("downloads.client_rules[0].address: prefix length"));
        assertTrue(error("downloads:\n  client_rules:\n    - {user_agent: x, polcy: native_proxy}\n")
                .contains("downloads.client_rules[0].polcy: unknown key"));
    }
}
