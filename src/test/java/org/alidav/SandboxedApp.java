package org.alidav;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;

/**
 * A server whose {@code aliyundrive-open} storages, written by the test, reach a sandbox of their own
 * (unlike {@code --sandbox} mode, which mounts the sandbox itself): for storages without a token,
 * several storages of one account, and the like.
 */
public final class SandboxedApp implements AutoCloseable {
    public final SandboxServer sandbox;
    public final TestApp app;
    private final Path sandboxDir;

    private SandboxedApp(SandboxServer sandbox, Path sandboxDir, TestApp app) {
        this.sandbox = sandbox;
        this.sandboxDir = sandboxDir;
        this.app = app;
    }

    /**
     * @param storages the {@code storages:} entries, one YAML line each, written once the sandbox runs;
     *                 {@link #appOptions} gives the keys that point a storage at it
     */
    public static SandboxedApp start(Path dir, SandboxOptions.Builder options, Function<SandboxServer, String> storages) throws Exception {
        return start(dir, Clock.systemUTC(), options, storages);
    }

    /** As above, the sandbox and the server's storages on {@code clock}: token lives and link lives pass on it. */
    public static SandboxedApp start(Path dir, Clock clock, SandboxOptions.Builder options, Function<SandboxServer, String> storages)
            throws Exception {
        Path sandboxDir = Files.createTempDirectory("sandboxed-app");
        SandboxServer sandbox = SandboxServer.start(options.dataDir(sandboxDir).clock(clock).build());
        try {
            TestApp app = TestApp.start(dir, "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir.resolve("data") + "'}\n"
                    + "storages:\n" + storages.apply(sandbox), false, clock);
            return new SandboxedApp(sandbox, sandboxDir, app);
        } catch (Exception | Error e) {
            sandbox.close();
            TestFiles.deleteTree(sandboxDir);
            throw e;
        }
    }

    /** {@code client_id: …, client_secret: …, api_base_url: '…'}: the sandbox's app, as flow-map keys. */
    public static String appOptions(SandboxServer sandbox) {
        return "client_id: " + sandbox.clientId() + ", client_secret: " + sandbox.clientSecret() + ", api_base_url: '" + sandbox.baseUrl() + "'";
    }

    @Override
    public void close() throws Exception {
        try {
            app.close();
        } finally {
            sandbox.close();
            TestFiles.deleteTree(sandboxDir);
        }
    }
}
