package org.alidav.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/** How {@link ForwardedHeaders} reads hops and picks the client: literals only, right to left. */
class ForwardedHopsTest {
    private final ForwardedHeaders headers = new ForwardedHeaders(a -> a.getHostAddress().startsWith("10.0.0."));

    @Test
    void onlyIpLiteralsAreAddresses() throws Exception {
        assertEquals(Optional.of(InetAddress.getByName("192.0.2.7")), ForwardedHeaders.literal("192.0.2.7"));
        assertEquals(Optional.of(InetAddress.getByName("192.0.2.7")), ForwardedHeaders.literal("\"192.0.2.7:4711\""));
        assertEquals(Optional.of(InetAddress.getByName("2001:db8::1")), ForwardedHeaders.literal("\"[2001:db8::1]:4711\""));
        assertEquals(Optional.of(InetAddress.getByName("2001:db8::1")), ForwardedHeaders.literal("2001:db8::1"));
        for (String bad : List.of("unknown", "_hidden", "proxy.example.com", "999.1.1.1", "1.2.3", "[::1", "")) {
            assertEquals(Optional.empty(), ForwardedHeaders.literal(bad), bad);
        }
    }

    @Test
    void forwardedWinsOverXForwardedFor() {
        HttpFields both = HttpFields.build().add("X-Forwarded-For", "192.0.2.1")
                .add("Forwarded", "for=192.0.2.2;proto=https, for=10.0.0.9").add("Forwarded", "For=\"[2001:db8::3]\"");
        assertEquals(List.of("192.0.2.2", "10.0.0.9", "\"[2001:db8::3]\""), ForwardedHeaders.hops(both));
        assertEquals(List.of("192.0.2.1", "10.0.0.5"), ForwardedHeaders.hops(HttpFields.build().add("X-Forwarded-For", "192.0.2.1, 10.0.0.5")));
    }

    @Test
    void theClientIsTheRightMostHopThatIsNoTrustedProxy() throws Exception {
        InetAddress peer = InetAddress.getByName("10.0.0.1");
        assertEquals(InetAddress.getByName("192.0.2.2"), headers.client(peer, List.of("6.6.6.6", "192.0.2.2", "10.0.0.5")));
        assertEquals(InetAddress.getByName("10.0.0.5"), headers.client(peer, List.of("unknown", "10.0.0.5")), "no literal: the last proxy");
        assertEquals(peer, headers.client(peer, List.of()));
        assertEquals(InetAddress.getByName("10.0.0.7"), headers.client(peer, List.of("10.0.0.7")), "all trusted: the left-most");
    }
}
