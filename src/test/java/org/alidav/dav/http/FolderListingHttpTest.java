package org.alidav.dav.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alidav.dav.DavTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser's folder page over real HTTP: odd names, sizes and dates, sorting, the parent link. */
class FolderListingHttpTest {
    /** Names a browser page gets wrong when escaping or encoding is missed somewhere. */
    static final List<String> ODD = List.of("<b>&x y.txt", "a\"b'c.txt", "#hash?.txt", "50% done;.txt", "報告 final.txt",
            "ctl\u0001.txt", "plus+and=.txt");

    @TempDir
    static Path dir;
    static DavTestServer dav;

    @BeforeAll
    static void start() throws Exception {
        dav = DavTestServer.start(dir);
        Path root = dav.storageRoot(0);
        Path odd = Files.createDirectories(root.resolve("odd <&> dir"));
        for (String name : ODD) Files.writeString(odd.resolve(name), name);
        Path sorted = Files.createDirectories(root.resolve("sorted"));
        write(sorted.resolve("b-small.bin"), 10, "2024-03-01T10:00:00Z");
        write(sorted.resolve("a-big.bin"), 1536, "2024-01-02T03:04:00Z");
        write(sorted.resolve("C-mid.bin"), 700, "2025-06-30T23:59:00Z");
        Files.createDirectories(sorted.resolve("zz-folder"));
        Files.setLastModifiedTime(sorted.resolve("zz-folder"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    }

    private static void write(Path file, int size, String modified) throws Exception {
        Files.write(file, new byte[size]);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
    }

    @AfterAll
    static void stop() throws Exception {
        dav.close();
    }

    @Test
    void everyOddNameIsShownEscapedAndItsLinkLeadsToTheFile() throws Exception {
        HttpResponse<String> page = dav.send("GET", "/odd%20%3C%26%3E%20dir/", null);
        assertEquals(200, page.statusCode());
        String body = page.body();
        assertTrue(body.contains("<title>/odd &lt;&amp;&gt; dir/</title>"), body);
        assertFalse(body.contains("<b>&x") || body.contains("a\"b'c") || body.contains("\u0001"), body);
        assertTrue(body.contains("&lt;b&gt;&amp;x y.txt") && body.contains("a&quot;b&#39;c.txt") && body.contains("ctl\u2401.txt"), body);
        List<String> hrefs = hrefs(body);
        for (String name : ODD) {
            String href = "/odd%20%3C%26%3E%20dir/" + PathEncoding.encodeSegment(name);
            assertTrue(hrefs.contains(href), name + " → " + href + " not in " + hrefs);
            HttpResponse<String> file = dav.send("GET", href, null);
            assertEquals(200, file.statusCode(), name);
            assertEquals(name, file.body(), "the link leads to " + name);
        }
        assertTrue(hrefs.contains("../"), "parent link: " + hrefs);
    }

    @Test
    void sizesAreHumanAndExactOnHoverDatesAreUtc() throws Exception {
        String body = dav.send("GET", "/sorted/", null).body();
        assertTrue(body.contains("<td class=\"s\" title=\"1536 bytes\">1.50 KiB</td>"), body);
        assertTrue(body.contains("<td class=\"s\" title=\"10 bytes\">10 B</td>"), body);
        assertTrue(body.contains("<time datetime=\"2024-01-02T03:04:00Z\">2024-01-02 03:04</time>"), body);
    }

    @Test
    void withoutSortTheStorageOrderIsKept() throws Exception {
        String propfind = dav.send("PROPFIND", "/sorted/", null, "Depth", "1").body();
        List<String> storageOrder = new ArrayList<>();
        Matcher m = Pattern.compile("<d:href>/sorted/([^<]+)</d:href>", Pattern.CASE_INSENSITIVE).matcher(propfind);
        while (m.find()) storageOrder.add(m.group(1).replaceAll("/$", ""));
        assertEquals(4, storageOrder.size(), propfind);
        assertEquals(storageOrder, names(dav.send("GET", "/sorted/", null).body()));
    }

    @Test
    void sortsByNameSizeAndDateFoldersFirst() throws Exception {
        assertEquals(List.of("zz-folder", "a-big.bin", "b-small.bin", "C-mid.bin"), names(page("?sort=name")));
        assertEquals(List.of("zz-folder", "C-mid.bin", "b-small.bin", "a-big.bin"), names(page("?sort=name&order=desc")));
        assertEquals(List.of("zz-folder", "b-small.bin", "C-mid.bin", "a-big.bin"), names(page("?sort=size&order=asc")));
        assertEquals(List.of("zz-folder", "a-big.bin", "C-mid.bin", "b-small.bin"), names(page("?sort=size&order=desc")));
        assertEquals(List.of("zz-folder", "a-big.bin", "b-small.bin", "C-mid.bin"), names(page("?sort=date")));
        assertEquals(List.of("zz-folder", "C-mid.bin", "b-small.bin", "a-big.bin"), names(page("?sort=date&order=desc")));
    }

    @Test
    void headersToggleTheOrderAndFolderLinksKeepIt() throws Exception {
        String body = page("?sort=size");
        assertTrue(body.contains("<a href=\"?sort=size&amp;order=desc\">Size &#9650;</a>"), body);
        assertTrue(body.contains("<a href=\"?sort=name&amp;order=asc\">Name</a>"), body);
        assertTrue(body.contains("href=\"/sorted/zz-folder/?sort=size&amp;order=asc\""), body);
        assertTrue(body.contains("href=\"../?sort=size&amp;order=asc\""), body);
        assertFalse(dav.send("GET", "/", null).body().contains("Parent folder"), "the root has no parent");
    }

    @Test
    void anUnknownSortIsABadRequest() throws Exception {
        HttpResponse<String> r = dav.send("GET", "/sorted/?sort=colour", null);
        assertEquals(400, r.statusCode());
        assertEquals("sort must be name, size or date\n", r.body());
        assertEquals(400, dav.send("GET", "/sorted/?sort=name&order=up", null).statusCode());
    }

    private static String page(String query) throws Exception {
        HttpResponse<String> r = dav.send("GET", "/sorted/" + query, null);
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static List<String> hrefs(String body) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(body);
        while (m.find()) out.add(m.group(1).replace("&amp;", "&"));
        return out;
    }

    /** The entries of a page in their order (the parent and the column headers left out). */
    private static List<String> names(String body) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<td class=\"n\"><a href=\"/sorted/([^\"?/]+)/?[^\"]*\">").matcher(body);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
