package org.alidav.aliyun;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.alidav.drive.Driver;
import org.alidav.drive.DriverContext;
import org.alidav.drive.DriverOptions;
import org.alidav.sandbox.SandboxServer;

/** Builds aliyundrive-open drivers against a running sandbox through the real factory, with the default pacing. */
final class SandboxDrivers {
    /**
     * Real-time pacing, one per sandbox: shared by the drivers a test makes against its sandbox, as a
     * server's storages of one user share it, and never with another test class running beside it.
     */
    private static final Map<SandboxServer, UserPacing> REAL_TIME = Collections.synchronizedMap(new WeakHashMap<>());

    private SandboxDrivers() {
    }

    static Driver driver(SandboxServer sandbox, Path stateDir, String refreshToken, Map<String, Object> overrides) {
        return driver(sandbox, org.alidav.TestContexts.of("/", stateDir, Clock.systemUTC()), refreshToken, overrides);
    }

    /** As above, in the given context (a test that restarts a driver keeps its state database). */
    static Driver driver(SandboxServer sandbox, DriverContext context, String refreshToken, Map<String, Object> overrides) {
        return driver(sandbox, context, REAL_TIME.computeIfAbsent(sandbox, s -> UserPacing.realTime()), refreshToken, overrides);
    }

    /** As above, paced through {@code pacing} (a test on a fast clock gives its own). */
    static Driver driver(SandboxServer sandbox, DriverContext context, UserPacing pacing, String refreshToken, Map<String, Object> overrides) {
        Map<String, Object> o = new HashMap<>();
        o.put("refresh_token", refreshToken);
        o.put("client_id", sandbox.clientId());
        o.put("client_secret", sandbox.clientSecret());
        o.put("api_base_url", sandbox.baseUrl());
        o.putAll(overrides);
        DriverOptions options = new DriverOptions(AliyunOptions.OPTIONS, o);
        Driver d = new AliyunOpenDriverFactory(pacing, new TokenChains()).create(options, context);
        if (!options.unknownKeys().isEmpty()) throw new IllegalStateException("unread options " + options.unknownKeys());
        return d;
    }
}
