package org.alidav.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request written byte for byte, as curl -g or a hostile client sends it (raw brackets,
 * headers Java's client refuses), optionally from another loopback source address such as
 * 127.0.0.2, so a second client machine can be played on this one. The connection is closed after
 * the answer.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** The answer: status code and the whole text (head and body). */
    record Reply(int status, String text) {
        String body() {
            int blank = text.indexOf("\r\n\r\n");
            return blank < 0 ? "" : text.substring(blank + 4);
        }
    }

    static Reply send(String from, int port, String requestLineAndHeaders) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
            s.setSoTimeout(20_000);
            String request = requestLineAndHeaders + "Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            return new Reply(Integer.parseInt(text.substring(9, 12)), text);
        }
    }
}
