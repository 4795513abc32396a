package org.alidav.aliyun;

import org.alidav.TestClock;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.alidav.drive.Driver;
import org.alidav.drive.DriverContext;
import org.alidav.drive.DriverOptions;
import org.alidav.drive.Entry;

/** Builds drivers against a {@link ScriptedApi} through the real factory. */
final class Harness {
    static final String CONFIG_TOKEN = TestTokens.jwt("u1", TestTokens.NOW.getEpochSecond() + 86400 * 90, "config");

    final ScriptedApi api;
    final Path stateDir;
    final TestClock clock = new TestClock(TestTokens.NOW);
    /** One factory, as one server has: the drivers of one harness share pacing and token chains. */
    private final AliyunOpenDriverFactory factory = new AliyunOpenDriverFactory();

    Harness(ScriptedApi api, Path stateDir) {
        this.api = api;
        this.stateDir = stateDir;
    }

    /** Fast pacing and retries unless {@code overrides} say otherwise. */
    Driver driver(Map<String, Object> overrides) {
        DriverOptions options = new DriverOptions(AliyunOptions.OPTIONS, options(overrides));
        Driver d = factory.create(options, org.alidav.TestContexts.of("test", stateDir, clock));
        if (!options.unknownKeys().isEmpty()) throw new IllegalStateException("unread options " + options.unknownKeys());
        return d;
    }

    /** The token file of a driver built with {@code overrides}. */
    Path tokenFile(Map<String, Object> overrides) {
        return TokenFile.chainFile(stateDir, AliyunOptions.read(new DriverOptions(AliyunOptions.OPTIONS, options(overrides))));
    }

    private Map<String, Object> options(Map<String, Object> overrides) {
        Map<String, Object> o = new HashMap<>();
        o.put("refresh_token", CONFIG_TOKEN);
        o.put("client_id", "cid");
        o.put("client_secret", "secret");
        o.put("api_base_url", api.base());
        o.put("list_rate", 1000);
        o.put("link_rate", 1000);
        o.put("other_rate", 1000);
        o.put("retry_backoff", "10ms");
        o.put("part_size", 102400);
        o.putAll(overrides);
        return o;
    }

    Driver driver() {
        return driver(Map.of());
    }

    static Entry folder(String id) {
        return Entry.folder(id, id, TestTokens.NOW);
    }

    static String listPage(String nextMarker, String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"next_marker\":\"" + nextMarker + "\"}";
    }

    static String file(String id, String name, long size) {
        return "{\"file_id\":\"" + id + "\",\"parent_file_id\":\"root\",\"name\":\"" + name + "\",\"type\":\"file\",\"size\":" + size
                + ",\"content_hash\":\"A9993E364706816ABA3E25717850C26C9CD0D89D\",\"created_at\":\"2023-08-17T10:00:00.123Z\","
                + "\"updated_at\":\"2023-08-17T10:00:05.456Z\",\"status\":\"available\"}";
    }
}
