package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.alidav.dav.http.PathEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 302 hands out the cloud's signed URL as it is: the name travels in its signed
 * {@code response-content-disposition}, which the object store answers as the download's
 * Content-Disposition, and which cannot be changed without voiding the signature.
 */
class RedirectFileNameTest {
    @TempDir
    Path dir;

    @Test
    void theRedirectTargetNamesTheFile() throws Exception {
        try (PolicyStack stack = new PolicyStack(dir, new PolicyStack.Spec())) {
            String name = "报告 #1 (final)+50%.txt";
            stack.put(name, "hello".getBytes(StandardCharsets.UTF_8));
            HttpResponse<byte[]> redirect = stack.send("GET", "/" + PathEncoding.encodeSegment(name));
            assertEquals(302, redirect.statusCode());
            String location = redirect.headers().firstValue("Location").orElseThrow();
            String expected = "attachment; filename*=UTF-8''%E6%8A%A5%E5%91%8A%20%231%20%28final%29%2B50%25.txt";
            assertTrue(location.contains("response-content-disposition="), location);

            HttpResponse<byte[]> object = stack.sendUrl("GET", location);
            assertEquals(200, object.statusCode());
            assertEquals("hello", new String(object.body(), StandardCharsets.UTF_8));
            assertEquals(expected, object.headers().firstValue("Content-Disposition").orElse(""));

            String renamed = location.replace("final", "other");
            assertEquals(403, stack.sendUrl("GET", renamed).statusCode(), "the name is part of the signature");
        }
    }
}
