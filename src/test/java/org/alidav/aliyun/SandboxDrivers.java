package org.alidav.aliyun;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.alidav.drive.Driver;
import org.alidav.drive.DriverContext;
import org.alidav.drive.DriverOptions;
import org.alidav.sandbox.SandboxServer;

/** Builds aliyundrive-open drivers against a running sandbox through the real factory, with the default pacing. */
final class SandboxDrivers {
    /** Shared by the drivers of every test that gives none, as a server's storages of one user share it. */
    private static final UserPacing REAL_TIME = UserPacing.realTime();

    private SandboxDrivers() {
    }

    static Driver driver(SandboxServer sandbox, Path stateDir, String refreshToken, Map<String, Object> overrides) {
        return driver(sandbox, org.alidav.TestContexts.of("/", stateDir, Clock.systemUTC()), refreshToken, overrides);
    }

    /** As above, in the given context (a test that restarts a driver keeps its state database). */
    static Driver driver(SandboxServer sandbox, DriverContext context, String refreshToken, Map<String, Object> overrides) {
        return driver(sandbox, context, REAL_TIME, refreshToken, overrides);
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
