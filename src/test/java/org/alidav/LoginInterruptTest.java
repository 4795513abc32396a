package org.alidav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.alidav.aliyun.TokenFile;
import org.alidav.config.ConfigLoader;
import org.alidav.login.SandboxPhone;
import org.alidav.sandbox.Fault;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.alidav.sandbox.Stall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on {@code alidav login} in a JVM of its own, at the worst moment: the user confirmed, the
 * code was exchanged (the service issued a refresh token) and the command is asking who logged in.
 * The storage's token file, from an earlier login, must be left exactly as it was.
 */
class LoginInterruptTest {
    @TempDir
    Path dir;

    @Test
    void ctrlCWhileTheNewTokensAreOnTheirWayWritesNothing() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir.resolve("sandbox")).build())) {
            Path config = Files.writeString(dir.resolve("alidav.yaml"), "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir.resolve("data")
                    + "'}\nstorages:\n  - {mount: /ali, driver: aliyundrive-open, client_id: " + sandbox.clientId() + ", client_secret: "
                    + sandbox.clientSecret() + ", api_base_url: '" + sandbox.baseUrl() + "'}\n");
            var storage = new ConfigLoader(dir).load(config).config().storages().get(0);
            TokenFile earlier = TokenFile.of(storage.driverOptions(), dir.resolve("data"));
            earlier.saveLogin("earlier-refresh-token", null);
            byte[] before = Files.readAllBytes(earlier.path());
            Stall whoAmI = sandbox.faults().inject(Fault.stall("/adrive/v1.0/user/getDriveInfo")).stall();

            Process login = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.alidav.Main", "login", "--config", config.toString())
                    .redirectError(dir.resolve("stderr.txt").toFile()).start();
            try {
                login.getOutputStream().close(); // no standard input, as in a container's one-off run
                String sid = awaitSid(new BufferedReader(new InputStreamReader(login.getInputStream(), StandardCharsets.UTF_8)));
                SandboxPhone phone = new SandboxPhone(sandbox);
                assertEquals(204, phone.scan(sid));
                assertEquals(204, phone.confirm(sid));
                assertTrue(whoAmI.awaitReached(Duration.ofSeconds(30)), "the command exchanged the code and asks who logged in");

                String signal = interruptSignal();
                assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(login.pid())).start().waitFor());
                assertTrue(login.waitFor(30, TimeUnit.SECONDS), "the command stopped on SIG" + signal);
                whoAmI.release();

                System.out.println("login stopped by SIG" + signal + ", exit status " + login.exitValue());
                assertEquals(signal.equals("INT") ? 130 : 143, login.exitValue());
                assertEquals("alidav: login cancelled; nothing was saved", Files.readString(dir.resolve("stderr.txt")).strip());
                assertArrayEquals(before, Files.readAllBytes(earlier.path()), "the earlier login's token file is untouched");
                assertEquals(List.of(earlier.path()), Files.list(earlier.path().getParent()).toList(), "no temp file either");
            } finally {
                login.destroyForcibly();
            }
        }
    }

    private static String awaitSid(BufferedReader out) throws Exception {
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = LoginCommandTest.LINK.matcher(line);
            if (m.matches()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException ignored) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(2);
            }
        }
        throw new AssertionError("the command printed no link");
    }

    /**
     * SIGINT, as Ctrl-C sends; a child inherits an ignored SIGINT (a non-interactive shell ignores
     * it for background jobs) and the JVM then keeps ignoring it, so in that case SIGTERM, which runs
     * the same shutdown path.
     */
    private static String interruptSignal() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return "INT";
        String ignored = Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:")).findFirst().orElse("SigIgn: 0");
        long mask = Long.parseUnsignedLong(ignored.substring("SigIgn:".length()).trim(), 16);
        return (mask & (1L << (2 - 1))) != 0 ? "TERM" : "INT";
    }
}
