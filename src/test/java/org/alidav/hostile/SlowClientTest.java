package org.alidav.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.alidav.dav.DavTestServer;
import org.alidav.server.guard.ClientLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow clients cannot hold the server: bodies below the minimum rate are ended, one address cannot
 * open more than its share of connections, and a flood of slow uploads leaves GETs their threads.
 * Functional only: every wait here is a generous upper bound, never a latency target.
 */
class SlowClientTest {
    /** Long enough for the 250 ms sweeper and a loaded machine; far shorter than Jetty's 30 s idle timeout. */
    private static final int BOUND_MILLIS = 15_000;
    private static final String ALLPROP = "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><allprop/></propfind>";

    @TempDir
    Path dir;

    private static ClientLimits limits(long minRate, Duration grace, int perAddress, int bodyThreads) {
        return new ClientLimits(minRate, minRate, grace, perAddress, bodyThreads);
    }

    @Test
    void aTricklingBodyIsAnswered408AndItsConnectionClosed() throws Exception {
        ClientLimits tight = limits(1000, Duration.ofSeconds(1), 64, 100);
        try (DavTestServer dav = DavTestServer.start(dir, s -> s.withAllowAnonymous(true).withLimits(tight));
             LoopbackSocket upload = LoopbackSocket.connect("127.0.0.1", dav.port()).startPut("/slow.bin", 1_000_000)) {
            Thread trickler = new Thread(() -> {
                while (upload.trickle()) sleep(300);
            });
            trickler.setDaemon(true);
            trickler.start();
            assertEquals("HTTP/1.1 408 Request Timeout", upload.answer(BOUND_MILLIS));
            assertTrue(upload.closedBy(BOUND_MILLIS), "the connection is closed after the 408");
            assertEquals(404, dav.send("GET", "/slow.bin", null).statusCode(), "nothing is stored");
        }
    }

    @Test
    void aSilentBodyIsAnswered408() throws Exception {
        ClientLimits tight = limits(1000, Duration.ofSeconds(1), 64, 100);
        try (DavTestServer dav = DavTestServer.start(dir, s -> s.withAllowAnonymous(true).withLimits(tight));
             LoopbackSocket upload = LoopbackSocket.connect("127.0.0.1", dav.port()).startPut("/silent.bin", 10)) {
            assertEquals("HTTP/1.1 408 Request Timeout", upload.answer(BOUND_MILLIS));
            assertTrue(upload.closedBy(BOUND_MILLIS));
        }
    }

    @Test
    void aClientThatStopsReadingADownloadLosesItsConnection() throws Exception {
        ClientLimits tight = limits(100_000, Duration.ofSeconds(1), 64, 100);
        try (DavTestServer dav = DavTestServer.start(dir, s -> s.withAllowAnonymous(true).withLimits(tight))) {
            long size = 64L << 20; // more than the socket buffers of both ends can hold
            try (RandomAccessFile f = new RandomAccessFile(dav.storageRoot(0).resolve("big.bin").toFile(), "rw")) {
                f.setLength(size);
            }
            try (LoopbackSocket reader = LoopbackSocket.connect("127.0.0.1", dav.port())) {
                reader.request("GET", "/big.bin");
                Thread.sleep(5_000); // not reading: the server's writes stall for longer than the grace
                long got = reader.drain(BOUND_MILLIS);
                assertTrue(got < size, "the server closed the connection after " + got + " of " + size + " bytes");
            }
        }
    }

    @Test
    void anAddressOverItsCapIsRefusedWhileAnotherIsServed() throws Exception {
        ClientLimits capped = limits(1000, Duration.ofSeconds(30), 3, 100);
        try (DavTestServer dav = DavTestServer.start(dir, s -> s.withAllowAnonymous(true).withLimits(capped))) {
            List<LoopbackSocket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) held.add(LoopbackSocket.connect("127.0.0.2", dav.port()));
                for (LoopbackSocket s : held) assertEquals("open", s.answer(300), "connections within the cap stay open");
                try (LoopbackSocket over = LoopbackSocket.connect("127.0.0.2", dav.port())) {
                    assertEquals("closed", over.answer(BOUND_MILLIS), "the fourth connection from one address is closed");
                }
                assertEquals(207, propfindFrom("127.0.0.3", dav.port()), "another address is served");
            } finally {
                for (LoopbackSocket s : held) s.close();
            }
            // closed connections no longer count: the address is served again
            assertEquals(207, eventuallyServed("127.0.0.2", dav.port()));
        }
    }

    @Test
    void aTrustedProxyIsNotCapped() throws Exception {
        ClientLimits capped = limits(1000, Duration.ofSeconds(30), 3, 100);
        InetAddress proxy = InetAddress.getByName("127.0.0.4");
        try (DavTestServer dav = DavTestServer.start(dir, s -> s.withAllowAnonymous(true).withLimits(capped)
                .withTrustedProxies(proxy::equals))) {
            List<LoopbackSocket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) held.add(LoopbackSocket.connect("127.0.0.4", dav.port()));
                assertEquals(207, propfindFrom("127.0.0.4", dav.port()), "the sixth connection of the proxy is served");
            } finally {
                for (LoopbackSocket s : held) s.close();
            }
        }
    }

    @Test
    void getsAndListingsAreAnsweredWhileMoreSlowUploadsAreOpenThanTheServerHasThreads() throws Exception {
        // 4 addresses × 60 slow uploads = 240 > the pool's 200 threads; a long grace keeps them all open
        ClientLimits lenient = limits(1000, Duration.ofSeconds(60), 64, ClientLimits.DEFAULTS.uploadThreads());
        try (DavTestServer dav = DavTestServer.start(dir, s -> s.withAllowAnonymous(true).withLimits(lenient))) {
            dav.send("PUT", "/small.txt", "hello");
            List<LoopbackSocket> uploads = new ArrayList<>();
            try {
                for (int a = 2; a <= 5; a++) {
                    for (int i = 0; i < 60; i++) {
                        LoopbackSocket s = LoopbackSocket.connect("127.0.0." + a, dav.port()).startPut("/slow-" + a + "-" + i, 1_000_000);
                        s.trickle();
                        uploads.add(s);
                    }
                }
                // answered within RawHttp's 20 s read timeout, well within the uploads' 60 s grace
                assertEquals(200, RawHttp.send("127.0.0.1", dav.port(), "GET /small.txt HTTP/1.1\r\n").status());
                // Finder's listings carry a body: they have a share of their own
                assertEquals(207, dav.send("PROPFIND", "/", ALLPROP, "Depth", "1").statusCode());
                long refused = 0;
                for (LoopbackSocket s : uploads) {
                    if (s.answer(50).startsWith("HTTP/1.1 503")) refused++;
                }
                assertTrue(refused >= uploads.size() - ClientLimits.DEFAULTS.uploadThreads(),
                        refused + " uploads beyond the body threads were answered 503");
            } finally {
                for (LoopbackSocket s : uploads) s.close();
            }
        }
    }

    private static int propfindFrom(String address, int port) throws IOException {
        return RawHttp.send(address, port, "PROPFIND / HTTP/1.1\r\nDepth: 0\r\n").status();
    }

    /** The server learns of a closed connection a moment after the client closed it. */
    private static int eventuallyServed(String address, int port) throws Exception {
        for (int i = 0; i < 50; i++) {
            try {
                return propfindFrom(address, port);
            } catch (IOException | StringIndexOutOfBoundsException e) {
                Thread.sleep(100); // closed by the cap (no answer at all): not yet
            }
        }
        return propfindFrom(address, port);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
