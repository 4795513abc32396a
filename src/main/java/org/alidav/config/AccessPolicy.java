package org.alidav.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refuses to start a server that would give the whole network anonymous access by accident, and
 * warns when passwords would cross the network in clear. Without users, loopback clients are
 * trusted: only this machine can connect.
 */
public final class AccessPolicy {
    private AccessPolicy() {
    }

    /**
     * Throws when {@code config} binds a non-loopback address with no users and without
     * {@code allow_anonymous: true}; otherwise answers the warnings to log (possibly none).
     */
    public static List<String> check(AppConfig config) {
        String host = config.server().host();
        if (isLoopback(host)) return List.of();
        List<String> warnings = new ArrayList<>();
        if (!config.users().isEmpty() && !config.server().tls().enabled()) {
            warnings.add("the server listens on " + host + " without TLS: passwords travel in clear; set server.tls_cert"
                    + " and server.tls_key, or server.tls_self_signed: true");
        }
        if (config.allowAnonymous()) {
            warnings.add("allow_anonymous is true and the server listens on " + host
                    + ": anyone who can reach it can " + (config.readOnly() ? "read" : "read and change") + " the storages");
        } else if (config.users().isEmpty()) {
            throw ConfigException.at(config.source(), "server.host", "listening on " + host
                    + " needs users (or allow_anonymous: true to open it to everyone who can reach it)");
        }
        return warnings;
    }

    /** 127.0.0.0/8, ::1 and "localhost", judged from the text alone: no DNS lookup at startup. */
    static boolean isLoopback(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.equals("localhost")) return true;
        boolean ipLiteral = h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || h.contains(":");
        if (!ipLiteral) return false;
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal is parsed, never looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
