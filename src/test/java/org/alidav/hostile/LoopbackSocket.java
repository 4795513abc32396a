package org.alidav.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A raw HTTP/1.1 connection from a chosen loopback address (Linux routes all of 127.0.0.0/8 to
 * loopback, so each address is another client to the server), for what well-behaved clients never
 * do: a PUT that announces a large body and sends it a byte at a time, as slowly as the caller likes.
 */
public final class LoopbackSocket implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;

    private LoopbackSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /**
     * Connects from {@code from} (any 127.x.y.z) to the server on 127.0.0.1, with a small receive
     * window so that a reader who stops reading stops the server's writes soon.
     */
    public static LoopbackSocket connect(String from, int port) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(64 * 1024);
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        return new LoopbackSocket(s);
    }

    /** Sends the request head of a PUT of {@code declared} bytes to {@code path}. */
    public LoopbackSocket startPut(String path, long declared) throws IOException {
        return send("PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + declared + "\r\n\r\n");
    }

    /** Sends a request without a body and leaves the answer to the caller, to read or not. */
    public LoopbackSocket request(String method, String path) throws IOException {
        return send(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    }

    private LoopbackSocket send(String head) throws IOException {
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return this;
    }

    /** Sends one byte of the body; false when the server has closed the connection. */
    public boolean trickle() {
        try {
            out.write('x');
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What the server said within {@code millis}: its status line, "closed" when it dropped the
     * connection without one, or "open" when it said nothing.
     */
    public String answer(int millis) throws IOException {
        socket.setSoTimeout(millis);
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        try {
            for (int c; (c = in.read()) >= 0; ) {
                if (c == '\r' || c == '\n') break;
                line.append((char) c);
            }
        } catch (SocketTimeoutException e) {
            return line.length() == 0 ? "open" : line.toString();
        } catch (IOException e) {
            // reset by the server
        }
        return line.length() == 0 ? "closed" : line.toString();
    }

    /** Reads what the server sends until it closes the connection; answers how many bytes came; times out if it stays open. */
    public long drain(int millis) throws IOException {
        socket.setSoTimeout(millis);
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n; (n = in.read(buf)) >= 0; ) total += n;
        } catch (SocketTimeoutException e) {
            throw e; // still open
        } catch (IOException e) {
            // reset by the server: what came before counts
        }
        return total;
    }

    /** True once the server has closed the connection (reads end), waiting at most {@code millis}. */
    public boolean closedBy(int millis) throws IOException {
        try {
            drain(millis);
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
