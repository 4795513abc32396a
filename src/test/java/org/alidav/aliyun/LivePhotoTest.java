package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.alidav.dav.download.DownloadPolicy;
import org.alidav.drive.DrivePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live photos ({@code .livp}, served as their JPEG stream): a listing costs no link call and no
 * probe; the stream's size is learned on the first read and PROPFIND, HEAD and GET agree from then
 * on, also straight after an upload.
 */
class LivePhotoTest {
    static final byte[] HEIC = PolicyStack.bytes(2000, 1);
    static final byte[] MOV = PolicyStack.bytes(5000, 2);

    @TempDir
    Path dir;

    private PolicyStack stack() throws Exception {
        PolicyStack.Spec spec = new PolicyStack.Spec();
        spec.storagePolicy = DownloadPolicy.PROXY;
        spec.sandboxRateLimits = false;
        spec.driverOptions.put("link_rate", 100); // the 50 uploads each measure their stream
        return new PolicyStack(dir, spec);
    }

    static byte[] livp() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("IMG.HEIC"));
            z.write(HEIC);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("IMG.MOV"));
            z.write(MOV);
            z.closeEntry();
        }
        return zip.toByteArray();
    }

    @Test
    void aColdListingOfFiftyLivePhotosMakesNoLinkCallAndNoProbe() throws Exception {
        try (PolicyStack stack = stack()) {
            stack.storage.mkdir(DrivePath.parse("/photos"));
            byte[] photo = livp();
            for (int i = 0; i < 50; i++) stack.put("photos/IMG_" + i + ".livp", photo);
            assertEquals(HEIC.length, contentLength(propfind(stack, "/photos/"), "IMG_0.livp"), "sizes agree straight after the upload");

            stack.storage.invalidate(DrivePath.parse("/"));
            long links = stack.linkCalls();
            long objects = stack.objectGets();
            String listing = propfind(stack, "/photos/");
            System.out.printf("cold PROPFIND of 50 live photos: %d getDownloadUrl calls, %d object reads%n",
                    stack.linkCalls() - links, stack.objectGets() - objects);
            assertEquals(0, stack.linkCalls() - links, "no link call while listing");
            assertEquals(0, stack.objectGets() - objects, "no probe while listing");
            assertEquals(HEIC.length, contentLength(listing, "IMG_7.livp"));
        }
    }

    @Test
    void aLivePhotoNeverMeasuredIsMeasuredOnItsFirstHeadAndThenEveryAnswerAgrees() throws Exception {
        try (PolicyStack stack = stack()) {
            byte[] photo = livp();
            stack.put("IMG.zip", photo);
            // a move names it a live photo without a read: its listing still has the package's size
            stack.storage.move(DrivePath.parse("/IMG.zip"), DrivePath.parse("/IMG.livp"));
            stack.storage.invalidate(DrivePath.parse("/"));
            assertEquals(photo.length, contentLength(propfind(stack, "/"), "IMG.livp"), "not measured by the listing");
            long objects = stack.objectGets();

            HttpResponse<byte[]> head = stack.send("HEAD", "/IMG.livp");
            assertEquals(String.valueOf(HEIC.length), head.headers().firstValue("Content-Length").orElseThrow());
            assertEquals(1, stack.objectGetsSince(objects, 1), "one probe, through the download gate");
            assertEquals(HEIC.length, contentLength(propfind(stack, "/"), "IMG.livp"), "PROPFIND keeps what HEAD learned");
            HttpResponse<byte[]> get = stack.send("GET", "/IMG.livp");
            assertEquals(200, get.statusCode());
            assertArrayEquals(HEIC, get.body());
            HttpResponse<byte[]> tail = stack.send("GET", "/IMG.livp", "Range", "bytes=1990-");
            assertEquals(206, tail.statusCode(), "a range near the stream's end is no 502");
            assertEquals(10, tail.body().length);
        }
    }

    private static String propfind(PolicyStack stack, String path) throws Exception {
        HttpResponse<byte[]> r = stack.send("PROPFIND", path, "Depth", "1");
        assertEquals(207, r.statusCode());
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** The getcontentlength of the response whose href ends in {@code name}. */
    private static long contentLength(String multistatus, String name) {
        Matcher m = Pattern.compile("<d:href>[^<]*/" + Pattern.quote(name) + "</d:href>.*?getcontentlength>(\\d+)<", Pattern.DOTALL)
                .matcher(multistatus);
        if (!m.find()) throw new AssertionError("no getcontentlength for " + name + " in " + multistatus);
        return Long.parseLong(m.group(1));
    }
}
