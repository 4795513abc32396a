package org.alidav.aliyun;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.WeakHashMap;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * A network interceptor that looks, before a request is written on a pooled HTTP/1.1 connection idle
 * for {@link #CHECK_AFTER_NANOS} or more, whether the server has closed it meanwhile (its hosts close
 * idle connections; OkHttp itself only looks after 10 s idle, and only for calls other than GET). A
 * closed one is closed here too and the call fails with {@link ClosedBeforeSending}: nothing of the
 * request was sent, so {@link ClosedConnectionRetry} may send any call again, a create included.
 *
 * <p>A server can also close a reused connection while the request is on its way (OkHttp then reads
 * "unexpected end of stream" where the status line should be). That failure becomes
 * {@link BrokenBeforeAnswer}: the request may have been processed, but no byte of an answer came, so
 * a read may be sent again and a write can be settled by looking. A timeout is not such a failure: the
 * server may still be working on the call.
 */
final class ClosedConnectionCheck implements Interceptor {
    /** Back-to-back calls skip the look (it costs up to a millisecond). */
    static final long CHECK_AFTER_NANOS = 500_000_000L;

    /** The request was not sent: the pooled connection it was given had been closed by the server. */
    static final class ClosedBeforeSending extends IOException {
        ClosedBeforeSending(String message) {
            super(message);
        }
    }

    /**
     * A reused connection broke after the request was written (wholly or in part) and before any
     * response byte arrived: whether the server processed it is unknown.
     */
    static final class BrokenBeforeAnswer extends IOException {
        BrokenBeforeAnswer(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** When each connection last finished a call; weak, so connections the pool dropped go. */
    private final Map<Connection, Long> lastUsed = new WeakHashMap<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        if (connection != null && connection.protocol() == Protocol.HTTP_1_1 && idleSince(connection) && closedByPeer(connection.socket())) {
            connection.socket().close();
            throw new ClosedBeforeSending("the server closed the idle connection to " + chain.request().url().host());
        }
        boolean reused = connection != null && usedBefore(connection);
        try {
            // a network interceptor's proceed returns once the response headers are in: a failure
            // inside it came before the status line was read
            return chain.proceed(chain.request());
        } catch (InterruptedIOException timeoutOrCancel) {
            throw timeoutOrCancel;
        } catch (IOException e) {
            if (!reused) throw e;
            throw new BrokenBeforeAnswer("the reused connection to " + chain.request().url().host()
                    + " broke before any answer: " + e.getMessage(), e);
        } finally {
            if (connection != null) used(connection);
        }
    }

    private synchronized boolean idleSince(Connection connection) {
        Long last = lastUsed.get(connection);
        return last != null && System.nanoTime() - last >= CHECK_AFTER_NANOS;
    }

    private synchronized boolean usedBefore(Connection connection) {
        return lastUsed.containsKey(connection);
    }

    private synchronized void used(Connection connection) {
        lastUsed.put(connection, System.nanoTime());
    }

    /**
     * True when the server closed the connection (end of stream) or sent something unasked (a stray
     * answer: the connection is unusable either way). An idle connection has nothing to read: the
     * one-millisecond read times out.
     */
    private static boolean closedByPeer(Socket socket) throws IOException {
        int timeout = socket.getSoTimeout();
        try {
            socket.setSoTimeout(1);
            InputStream in = socket.getInputStream();
            in.read(); // -1 (closed) or a byte (stray): either way the connection is not usable
            return true;
        } catch (SocketTimeoutException idle) {
            return false;
        } catch (IOException reset) {
            return true;
        } finally {
            if (!socket.isClosed()) socket.setSoTimeout(timeout);
        }
    }
}
