package org.alidav.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IP address or a CIDR block ({@code 192.168.0.0/16}, {@code fd00::/8}), written as literals only. */
public record AddressRange(byte[] network, int prefixBits, String text) {

    /** Parses a literal address or block; never resolves a host name. */
    public static AddressRange parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        if (host.isEmpty() || !host.matches("[0-9A-Fa-f:.]+") || !(host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            throw new IllegalArgumentException("must be an IP address or a CIDR block such as 192.168.0.0/16, not '" + text + "'");
        }
        byte[] address;
        try {
            address = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("must be an IP address or a CIDR block such as 192.168.0.0/16, not '" + text + "'");
        }
        int bits = address.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("prefix length must be 0 to " + address.length * 8 + " in '" + text + "'");
            }
        }
        return new AddressRange(address, bits, s);
    }

    public boolean contains(InetAddress candidate) {
        byte[] a = candidate.getAddress();
        if (a.length != network.length) return false;
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) return false;
        }
        int rest = prefixBits % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressRange r && r.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
