package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alidav.TestApp;
import org.alidav.drive.Driver;
import org.alidav.drive.Upload;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code order_by}/{@code order_direction}: PROPFIND and the browser's folder page list in the cloud's order. */
class ListingOrderTest {
    private static final String USER = "order";

    @TempDir
    Path dir;

    @Test
    void sizeDescendingListsTheLargestFirstInPropfindAndOnTheFolderPage() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir.resolve("sandbox")).rateLimits(false).build())) {
            // stored in this order, so an order by stored time would list them so
            Driver writer = SandboxDrivers.driver(sandbox, dir.resolve("writer"), sandbox.issueRefreshToken(USER), Map.of());
            for (String name : List.of("f5", "f50", "f500", "f2")) {
                byte[] body = new byte[Integer.parseInt(name.substring(1))];
                writer.put(writer.root(), name, new Upload(new ByteArrayInputStream(body), body.length, null, null, null));
            }
            writer.close();
            String yaml = SandboxMounts.yaml(dir.resolve("data"), SandboxMounts.storage(sandbox, "/", sandbox.issueRefreshToken(USER),
                    Map.of("order_by", "size", "order_direction", "DESC")));
            try (TestApp app = TestApp.start(dir, yaml, false)) {
                List<String> expected = List.of("f500", "f50", "f5", "f2");
                String multistatus = app.send("PROPFIND", "/", "", "Depth", "1").body();
                assertEquals(expected, all(Pattern.compile("<d:href>/(f\\d+)</d:href>"), multistatus), multistatus);
                String page = app.send("GET", "/", "").body();
                assertEquals(expected, all(Pattern.compile("<a href=\"/(f\\d+)\">"), page), page);
            }
        }
    }

    private static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        for (Matcher m = p.matcher(text); m.find(); ) out.add(m.group(1));
        return out;
    }
}
