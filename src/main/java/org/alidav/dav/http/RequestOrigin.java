package org.alidav.dav.http;

import jakarta.servlet.http.HttpServletRequest;

/** {@code scheme://host[:port]} of this server as the client reached it (through a trusted proxy's headers). */
public final class RequestOrigin {
    private RequestOrigin() {
    }

    public static String of(HttpServletRequest request) {
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) host = "[" + host + "]";
        int port = request.getServerPort();
        String scheme = request.getScheme();
        boolean defaultPort = port <= 0 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
