package org.alidav.server.guard;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts open connections per client IP address and closes a new one at once when its address
 * already has {@code cap} open, before a byte of it is read. Added to the connector as a bean, so
 * Jetty tells it about every connection. Trusted reverse proxies are not capped: every client behind
 * them shares their address.
 */
public final class AddressConnectionCap implements Connection.Listener {
    private static final Logger log = LoggerFactory.getLogger(AddressConnectionCap.class);

    private final int cap;
    private final Predicate<InetAddress> exempt;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /** A closed socket no longer knows its peer: each connection's address is remembered until it closes. */
    private final Map<Connection, InetAddress> addresses = new ConcurrentHashMap<>();
    private final ThrottledLog refusals = new ThrottledLog(log, 10, TimeUnit.SECONDS);

    public AddressConnectionCap(int cap, Predicate<InetAddress> exempt) {
        if (cap < 1) throw new IllegalArgumentException("cap " + cap);
        this.cap = cap;
        this.exempt = exempt;
    }

    @Override
    public void onOpened(Connection connection) {
        if (!(connection.getEndPoint().getRemoteSocketAddress() instanceof InetSocketAddress peer)) return;
        InetAddress address = peer.getAddress();
        if (exempt.test(address)) return;
        addresses.put(connection, address);
        int now = open.merge(address, 1, Integer::sum);
        if (now > cap) {
            refusals.warn("connection from {} closed: {} already open from that address (max_connections_per_address)",
                    address.getHostAddress(), cap);
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = addresses.remove(connection);
        if (address != null) open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }
}
