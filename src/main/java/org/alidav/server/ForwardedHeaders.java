package org.alidav.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Honours {@code Forwarded}, {@code X-Forwarded-For}, {@code -Host} and {@code -Proto} only when the
 * TCP peer is a trusted proxy ({@code server.trusted_proxies}); from anyone else they are ignored,
 * so a client cannot pick the address the login lockout counts or the access log shows.
 *
 * <p>Behind a trusted proxy, scheme and host come from Jetty's {@link ForwardedRequestCustomizer}
 * (PROPFIND hrefs carry what the client used). The client address does not: Jetty takes the
 * left-most hop, which a client can write itself when the proxy appends to the header. Here the
 * hops are read from the right, trusted proxies skipped, and the first other address is the
 * client. {@code Forwarded} is read when present, else {@code X-Forwarded-For}. A hop that is not
 * an IP literal ({@code unknown}, an obfuscated name) ends the walk at the proxy before it, so the
 * address used is always a literal: no name lookup anywhere downstream.
 */
final class ForwardedHeaders implements HttpConfiguration.Customizer {
    private final Predicate<InetAddress> trusted;
    private final ForwardedRequestCustomizer jetty = new ForwardedRequestCustomizer();

    ForwardedHeaders(Predicate<InetAddress> trusted) {
        this.trusted = trusted;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
        if (!(peer instanceof InetSocketAddress socket) || socket.getAddress() == null || !trusted.test(socket.getAddress())) {
            return request;
        }
        InetSocketAddress client = new InetSocketAddress(client(socket.getAddress(), hops(request.getHeaders())), 0);
        Request forwarded = jetty.customize(request, responseHeaders);
        return new Request.Wrapper(forwarded) {
            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return new ConnectionMetaData.Wrapper(super.getConnectionMetaData()) {
                    @Override
                    public SocketAddress getRemoteSocketAddress() {
                        return client;
                    }
                };
            }
        };
    }

    /** The right-most hop that is not a trusted proxy; the peer itself when there is none to believe. */
    InetAddress client(InetAddress peer, List<String> hops) {
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0 && trusted.test(client); i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) break;
            client = hop.get();
        }
        return client;
    }

    /** The hops named by {@code Forwarded: for=…} or else by {@code X-Forwarded-For}, left (client) to right. */
    static List<String> hops(HttpFields headers) {
        List<String> hops = new ArrayList<>();
        for (String value : headers.getValuesList(HttpHeader.FORWARDED)) {
            for (String element : value.split(",")) {
                for (String pair : element.split(";")) {
                    String p = pair.trim();
                    if (p.length() > 4 && p.regionMatches(true, 0, "for=", 0, 4)) hops.add(p.substring(4));
                }
            }
        }
        if (!hops.isEmpty()) return hops;
        for (String value : headers.getValuesList(HttpHeader.X_FORWARDED_FOR)) {
            for (String hop : value.split(",")) hops.add(hop.trim());
        }
        return hops;
    }

    /** An IP literal, quoted or bracketed, with or without a port; never a host name. */
    static Optional<InetAddress> literal(String hop) {
        String h = hop.trim();
        if (h.length() >= 2 && h.startsWith("\"") && h.endsWith("\"")) h = h.substring(1, h.length() - 1);
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            if (close < 0) return Optional.empty();
            h = h.substring(1, close);
        } else if (h.indexOf(':') == h.lastIndexOf(':') && h.indexOf(':') > 0) {
            h = h.substring(0, h.indexOf(':')); // IPv4 with a port
        }
        String lower = h.toLowerCase(Locale.ROOT);
        boolean v4 = lower.matches("\\d{1,3}(\\.\\d{1,3}){3}") && Arrays.stream(lower.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
        boolean v6 = lower.contains(":") && lower.matches("[0-9a-f:.]+");
        if (!v4 && !v6) return Optional.empty();
        try {
            // checked above to be a literal (octets ≤ 255, or hex and colons), which is parsed, never looked up
            return Optional.of(InetAddress.getByName(lower));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
