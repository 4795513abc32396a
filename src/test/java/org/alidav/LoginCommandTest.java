package org.alidav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alidav.login.QrCodesDecoder;
import org.alidav.login.SandboxPhone;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.alidav.sandbox.StoredItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alidav login} end to end, as {@code main} runs it, against the sandbox over loopback HTTP:
 * the test plays the phone, approving the sid the command printed.
 */
class LoginCommandTest {
    static final Pattern LINK = Pattern.compile("^(http://127\\.0\\.0\\.1:\\d+/o/oauth/authorize\\?sid=([0-9a-f]+))$");

    @TempDir
    Path dir;
    SandboxServer sandbox;
    SandboxPhone phone;
    final ExecutorService approver = Executors.newSingleThreadExecutor();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir.resolve("sandbox")).build());
        phone = new SandboxPhone(sandbox);
    }

    @AfterEach
    void stop() {
        approver.shutdownNow();
        sandbox.close();
    }

    /** A config with one aliyundrive-open storage at /ali on the sandbox; {@code extra} are more of its options. */
    String yaml(String extra) {
        return "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir.resolve("data") + "'}\n"
                + "storages:\n  - {mount: /ali, driver: aliyundrive-open, client_id: " + sandbox.clientId()
                + ", client_secret: " + sandbox.clientSecret() + ", api_base_url: '" + sandbox.baseUrl() + "'" + extra + "}\n";
    }

    Path config(String yaml) throws IOException {
        return Files.writeString(dir.resolve("alidav.yaml"), yaml);
    }

    /** The token file of /ali without a token in the config (the chain of the sandbox app). */
    Path tokenFile() {
        return tokenFile(yaml(""));
    }

    /** The token file of the first storage of {@code yaml}. */
    Path tokenFile(String yaml) {
        var storage = new org.alidav.config.ConfigLoader(dir).parse(yaml, "one.yaml").config().storages().get(0);
        return org.alidav.aliyun.TokenFile.of(storage.driverOptions(), dir.resolve("data")).path();
    }

    /** Runs the command in this JVM; {@code onLink} gets each printed link, on another thread. */
    Run login(Path config, Consumer<String> onLink) {
        LineTap out = new LineTap(line -> {
            Matcher m = LINK.matcher(line);
            if (m.matches()) approver.execute(() -> onLink.accept(m.group(2)));
        });
        int code = Main.run(new String[] {"login", "--config", config.toString()}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.text(), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int code, String out, String err) {
        List<String> links() {
            return out.lines().filter(l -> LINK.matcher(l).matches()).toList();
        }
    }

    private void approve(String sid) {
        try {
            assertEquals(204, phone.scan(sid));
            assertEquals(204, phone.confirm(sid));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aLoginApprovedOnThePhoneIsSavedAndAServerStartedAfterwardsUsesIt() throws Exception {
        // the config still holds another account's older token: the login must win over it at the next start
        String stale = sandbox.issueRefreshToken("someone-else");
        Path config = config(yaml(", refresh_token: '" + stale + "'"));

        Run run = login(config, this::approve);

        assertEquals(0, run.code(), run.out() + run.err());
        assertEquals("", run.err());
        var user = sandbox.defaultUser();
        String success = run.out().lines().filter(l -> l.startsWith("Logged in as")).reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertEquals("Logged in as " + user.nickName() + " (user id " + user.userId() + "), drives: default " + user.defaultDriveId()
                + ", resource " + user.resourceDriveId() + ", backup " + user.backupDriveId() + "; refresh token saved to "
                + tokenFile(Files.readString(config)), success);
        String saved = Files.readString(tokenFile(Files.readString(config)));
        assertFalse(saved.contains(stale));
        assertTrue(saved.contains("refresh_token"));
        System.out.println("login printed " + run.out().lines().count() + " lines; link " + run.links().get(0));

        try (TestApp app = TestApp.start(dir.resolve("server"), Files.readString(config), false)) {
            assertEquals(201, app.send("PUT", "/ali/after-login.txt", "hello").statusCode());
            assertEquals(207, app.send("PROPFIND", "/ali/", "", "Depth", "1").statusCode());
        }
        List<String> names = sandbox.items(sandbox.options().defaultUserName()).stream().map(StoredItem::name).toList();
        assertTrue(names.contains("after-login.txt"), "written with the login's token, to the user who logged in: " + names);
    }

    @Test
    void aServerStartedAfterTheLoginWithNoRefreshTokenInTheConfigListsTheDrive() throws Exception {
        Path config = config(yaml(""));
        assertEquals(0, login(config, this::approve).code(), err.toString(StandardCharsets.UTF_8));

        try (TestApp app = TestApp.start(dir.resolve("server"), Files.readString(config), false)) {
            assertEquals(201, app.send("PUT", "/ali/listed.txt", "hello").statusCode());
            var listing = app.send("PROPFIND", "/ali/", "", "Depth", "1");
            assertEquals(207, listing.statusCode());
            assertTrue(listing.body().contains("listed.txt"), listing.body());
        }
    }

    @Test
    void theQrCodePrintedAboveTheLinkScansToIt() throws Exception {
        Run run = login(config(yaml("")), this::approve);

        assertEquals(0, run.code());
        List<String> lines = run.out().lines().toList();
        int link = lines.indexOf(run.links().get(0));
        int heading = lines.indexOf("Scan this QR code with the AliyunDrive app, then confirm the login in the app:");
        String drawing = String.join("\n", lines.subList(heading + 1, link)) + "\n";
        assertEquals(run.links().get(0), QrCodesDecoder.terminal(drawing));
    }

    @Test
    void everyCodeExpiringEndsWithStatus3AfterThreeFreshOnes() throws Exception {
        sandbox.qrLogins().setCodeLife(java.time.Duration.ofMillis(1));

        Run run = login(config(yaml("")), sid -> { });

        assertEquals(3, run.code(), run.out() + run.err());
        assertEquals(4, sandbox.qrLogins().issued());
        assertEquals(4, run.links().stream().distinct().count(), "a fresh code, printed, each time: " + run.out());
        assertEquals(3, run.out().lines().filter(l -> l.startsWith("the QR code expired; here is a fresh one")).count());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("alidav: the QR code expired 4 times"), run.err());
        assertFalse(Files.exists(tokenFile().getParent()), "nothing written");
    }

    @Test
    void aWrongClientSecretIsOneLineAndStatus2() throws Exception {
        Path config = config(yaml("").replace("client_secret: " + sandbox.clientSecret(), "client_secret: wrong-secret-77"));

        Run run = login(config, sid -> { });

        assertEquals(2, run.code());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("InvalidClientSecret") && run.err().contains("check client_id and client_secret"), run.err());
        assertFalse(run.err().contains("wrong-secret-77") || run.out().contains("wrong-secret-77"), "the secret is never shown");
        assertFalse(Files.exists(tokenFile().getParent()));
    }

    @Test
    void aStorageWithoutItsOwnAppIsOneLineAndStatus2() throws Exception {
        Path config = config(yaml("").replace("client_id: " + sandbox.clientId() + ", client_secret: " + sandbox.clientSecret() + ", ",
                "use_online_api: true, "));

        Run run = login(config, sid -> { });

        assertEquals(2, run.code());
        assertEquals("alidav: storage /ali has no client_id and client_secret: the QR login uses your own Open Platform app; put them in "
                + config + " (see docs/getting-started.md)", run.err().strip());
    }

    @Test
    void noServiceAtTheAddressIsOneLineAndStatus1() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path config = config(yaml("").replace(sandbox.baseUrl(), "http://127.0.0.1:" + closed));

        Run run = login(config, sid -> { });

        assertEquals(1, run.code());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("alidav: cannot reach 127.0.0.1 while asking for a QR code"), run.err());
    }

    /** Two storages on the sandbox, /ali and /backup; standard input holds {@code stdin}. */
    Run loginAmongTwo(String stdin) throws Exception {
        String one = yaml("");
        var loaded = new org.alidav.config.ConfigLoader(dir).parse(one + one.substring(one.indexOf("  - ")).replace("mount: /ali", "mount: /backup"),
                "two.yaml");
        LineTap out = new LineTap(line -> {
            Matcher m = LINK.matcher(line);
            if (m.matches()) approver.execute(() -> approve(m.group(2)));
        });
        int code = new LoginCommand(loaded, java.util.Optional.empty(), new java.io.BufferedReader(new java.io.StringReader(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run();
        return new Run(code, out.text(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void severalStoragesAndStandardInputClosedIsOneLineNamingMount() throws Exception {
        Run run = loginAmongTwo("");

        assertEquals(2, run.code());
        assertEquals("alidav: several aliyundrive-open storages (/ali, /backup): choose one with --mount", run.err().strip());
        assertEquals(0, sandbox.qrLogins().issued());
    }

    @Test
    void severalStoragesAskWhichOne() throws Exception {
        Run run = loginAmongTwo("2\n");

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("  1) /ali\n  2) /backup\n"), run.out());
        // one app and no token of their own: /ali and /backup share one token chain, so the login serves both
        assertTrue(Files.exists(tokenFile()));
    }

    /** Collects what is written and hands each complete line to a listener as it arrives. */
    static final class LineTap extends OutputStream {
        private final ByteArrayOutputStream all = new ByteArrayOutputStream();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final Consumer<String> onLine;

        LineTap(Consumer<String> onLine) {
            this.onLine = onLine;
        }

        @Override
        public synchronized void write(int b) {
            all.write(b);
            if (b == '\n') {
                onLine.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }

        synchronized String text() {
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
