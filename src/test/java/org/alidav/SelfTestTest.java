package org.alidav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code self-test}: a real server answers a client's first requests, and nothing is left behind. */
class SelfTestTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void everyAnswerIsAsExpectedAndTheTemporaryDirectoryIsGone() throws Exception {
        List<Path> before = selfTestDirectories();
        int code = Main.run(new String[] {"self-test"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("alidav self-test: 15 requests answered as expected", out.toString(StandardCharsets.UTF_8).strip());
        assertEquals(before, selfTestDirectories(), "the temporary directory removed");
    }

    /** The client reads whatever a server answers (a 500 here), for the self-test to name it. */
    @Test
    void anAnswerIsReadWhateverItsStatus() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answerer = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    s.getOutputStream().write("HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException ignored) {
                    // the test fails on the answer below
                }
            });
            answerer.start();
            LoopbackHttp.Answer a = new LoopbackHttp(server.getLocalPort()).send("PROPFIND", "/", "", "Depth", "1");
            answerer.join();
            assertEquals(500, a.status());
            assertEquals("0", a.headers().get("content-length"));
        }
    }

    private static List<Path> selfTestDirectories() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("alidav-self-test")).sorted().toList();
        }
    }
}
