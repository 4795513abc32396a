package org.alidav;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the server as systemd or docker does (SIGTERM) while an upload is running. */
class ShutdownTest {
    @TempDir
    Path dir;

    @Test
    void anUploadCutOffByTheShutdownIsLoggedAsSuchAndNothingIsWarned() throws Exception {
        Path config = Files.writeString(dir.resolve("alidav.yaml"), "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir.resolve("data")
                + "', min_request_rate: 0}\nstorages: [{mount: /, driver: local, root: '" + dir.resolve("files") + "', create_root: true}]\n");
        ChildServer server = ChildServer.start(config);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url + "/")).build(), HttpResponse.BodyHandlers.discarding());
        URI url = URI.create(server.url);
        try (Socket client = new Socket(url.getHost(), url.getPort())) {
            // the start of a body, then nothing: the upload is running when the stop comes
            client.getOutputStream().write(("PUT /up.bin HTTP/1.1\r\nHost: " + url.getAuthority() + "\r\nContent-Length: 100000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().write(new byte[256 * 1024]);
            client.getOutputStream().flush();
            Thread.sleep(3000); // the PUT reaches its handler and reads the body (the first PUT loads classes)
            String output = server.stop();
            System.out.println(output);
            assertTrue(output.contains("  config: " + config), "the banner names the config file:\n" + output);
            assertTrue(output.contains("PUT /up.bin: upload cut off by the server's shutdown"), output);
            assertFalse(output.contains("client stopped sending"), "not the client's fault:\n" + output);
            assertTrue(output.lines().noneMatch(l -> l.contains(" WARN ") || l.contains(" ERROR ")), output);
        }
        assertFalse(Files.exists(dir.resolve("files/up.bin")));
    }
}
