package org.alidav.dav.props;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milton.config.HttpManagerBuilder;
import io.milton.http.webdav.PropFindResponse;
import io.milton.http.webdav.PropertiesRequest;
import io.milton.resource.PropFindableResource;
import io.milton.resource.Resource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.alidav.dav.DavService;
import org.alidav.dav.LockingExtension;
import org.alidav.dav.lock.LockDepth;
import org.alidav.dav.lock.LockManager;
import org.alidav.dav.lock.LockRequest;
import org.alidav.dav.lock.LockScope;
import org.alidav.dav.lock.LockTable;
import org.alidav.dav.mount.Mount;
import org.alidav.dav.mount.MountTable;
import org.alidav.dav.resource.DavResourceFactory;
import org.alidav.dav.resource.LocationData;
import org.alidav.dav.resource.StorageResource;
import org.alidav.drive.cache.Storage;
import org.alidav.drive.local.LocalDriver;
import org.alidav.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PropertiesAnswer} against Milton's property builder and our {@link NamespaceSafePropFindXmlGenerator}
 * (the answer before it), byte for byte, on one Milton wiring ({@link DavService#miltonBuilder}): the bodies
 * rclone, Finder, davfs2, Windows and litmus send, allprop among them, over files and folders with dead
 * properties (one named href), a lock, quota, names that need escaping and properties nobody knows.
 */
class PropFindAnswerComparisonTest {
    private static final String DAV = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    /** What the clients send to list a folder, and what litmus asks. */
    private static final List<String> BODIES = List.of(
            // the benchmark's (rclone-like)
            DAV + "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:resourcetype/><d:getcontentlength/><d:getlastmodified/><d:getetag/><d:getcontenttype/></d:prop></d:propfind>",
            // rclone (owncloud vendor)
            DAV + "<d:propfind xmlns:d=\"DAV:\" xmlns:oc=\"http://owncloud.org/ns\" xmlns:nc=\"http://nextcloud.org/ns\"><d:prop><d:displayname/>"
                    + "<d:getlastmodified/><d:getcontentlength/><d:resourcetype/><d:getcontenttype/><oc:checksums/><oc:permissions/></d:prop></d:propfind>",
            // Finder
            DAV + "<D:propfind xmlns:D=\"DAV:\"><D:prop xmlns:A=\"http://www.apple.com/webdav_fs/props/\"><D:getlastmodified/><D:getcontentlength/>"
                    + "<D:creationdate/><D:resourcetype/><A:appledoubleheader/></D:prop></D:propfind>",
            DAV + "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:quota-available-bytes/><D:quota-used-bytes/><D:quota/><D:quotaused/></D:prop></D:propfind>",
            // davfs2
            DAV + "<propfind xmlns=\"DAV:\"><prop><getetag/><getlastmodified/><getcontentlength/><resourcetype/>"
                    + "<executable xmlns=\"http://apache.org/dav/props/\"/></prop></propfind>",
            // Windows (its href is answered with the response's href, in any namespace)
            DAV + "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:href/><D:name/><D:parentname/><D:ishidden/><D:isroot/><D:iscollection/><D:isreadonly/>"
                    + "<D:getcontenttype/><D:getcontentlength/><D:getlastmodified/><D:creationdate/><D:resourcetype/><D:displayname/>"
                    + "<Z:Win32FileAttributes xmlns:Z=\"urn:schemas-microsoft-com:\"/><Z:Win32CreationTime xmlns:Z=\"urn:schemas-microsoft-com:\"/></D:prop></D:propfind>",
            // an empty prop: Milton's stand-in list for Windows
            DAV + "<D:propfind xmlns:D=\"DAV:\"><D:prop/></D:propfind>",
            // locks, supported reports, and the rest of what WebDavProtocol knows
            DAV + "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:lockdiscovery/><D:supportedlock/><D:getetag/><D:supported-report-set/><D:getcreated/></D:prop></D:propfind>",
            // litmus: dead properties, an unknown one, the empty namespace, a namespace that needs escaping
            DAV + "<propfind xmlns=\"DAV:\"><prop><foo xmlns=\"http://example.com/neon/litmus/\"/><nope xmlns=\"http://example.com/none\"/>"
                    + "<empty xmlns=\"\"/><amp xmlns=\"http://example.com/a&amp;b&quot;c\"/><getcontentlength/><unknowndav/></prop></propfind>",
            DAV + "<propfind xmlns=\"DAV:\"><prop><nope xmlns=\"http://example.com/none\"/><getetag/><foo xmlns=\"http://example.com/neon/litmus/\"/></prop></propfind>",
            // allprop: litmus, cadaver, and what RequestChecks makes of an empty body
            DAV + "<D:propfind xmlns:D=\"DAV:\"><D:allprop/></D:propfind>",
            DAV + "<propfind xmlns=\"DAV:\"><allprop/><include><foo xmlns=\"http://example.com/neon/litmus/\"/></include></propfind>");

    @TempDir
    Path dir;
    private StateStore state;
    private Storage storage;
    private DavResourceFactory factory;
    private HttpManagerBuilder milton;
    private PropertiesAnswer answer;

    @BeforeEach
    void setUp() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("sub folder"));
        Files.createDirectories(root.resolve("sub folder/inner"));
        for (String name : List.of("plain.txt", "a&b<c>.bin", "ä ö #%25?.mp4", "quote\"'.jpg", "ctl\u0001name", "noext", "sub folder/deep.pdf")) {
            Files.writeString(root.resolve(name), "content of " + name);
        }
        state = StateStore.open(dir.resolve("state.db"));
        storage = new Storage("s", new LocalDriver(root, Clock.systemUTC()), Duration.ofMinutes(1), Clock.systemUTC());
        DeadPropertyStore dead = new DeadPropertyStore(state, PropertyLimits.STANDARD);
        // a standing clock: a lock's timeout is counted down in its lockdiscovery, between one answer and the other too
        Clock standing = Clock.fixed(java.time.Instant.now(), java.time.ZoneOffset.UTC);
        LockManager locks = new LockManager(standing, LockManager.DEFAULT_MAX_TIMEOUT, new LockTable(state));
        factory = new DavResourceFactory(new MountTable(List.of(new Mount(List.of(), storage, storage))), LocationData.all(List.of(dead)));
        milton = DavService.miltonBuilder(factory, dead, List.of(new LockingExtension(locks)));
        milton.buildHttpManager(); // the lock extension adds its property source when the manager is built
        answer = PropertiesAnswer.of(milton);

        QName foo = new QName("http://example.com/neon/litmus/", "foo");
        dead.apply(location("/plain.txt"), Map.of(foo, "<x:y xmlns:x=\"urn:x\">v &amp; w</x:y>", new QName("", "empty"), "bare"));
        dead.apply(location("/sub folder/"), Map.of(foo, "folder's", new QName("http://apache.org/dav/props/", "executable"), "T"));
        dead.apply(location("/ä ö #%25?.mp4"), Map.of(new QName("http://example.com/a&b\"c", "amp"), ""));
        // a dead property named href: Milton answers the response's href for it
        dead.apply(location("/noext"), Map.of(new QName("urn:h", "href"), "stored", new QName("urn:late", "z"), "<b>x</b>"));
        locks.lock(new LockRequest("/plain.txt", LockScope.EXCLUSIVE, LockDepth.ZERO, "<D:href>me</D:href>", "alice", Duration.ofMinutes(5)));
        locks.lock(new LockRequest("/sub folder", LockScope.SHARED, LockDepth.INFINITY, "", "alice", Duration.ofMinutes(5)));
    }

    @AfterEach
    void tearDown() {
        storage.close();
        state.close();
    }

    @Test
    void everyBodyOnFoldersAndFilesAtDepthZeroAndOne() throws Exception {
        int compared = 0;
        for (String body : BODIES) {
            for (String url : List.of("/", "/sub%20folder/", "/sub%20folder", "/plain.txt", "/%C3%A4%20%C3%B6%20%23%2525%3F.mp4")) {
                for (int depth = 0; depth <= 1; depth++) {
                    for (boolean errorProps : new boolean[]{true, false}) {
                        // one parse for both: Milton's order of the names follows the identity hashes of a parse's objects
                        PropertiesRequest asked = parse(body);
                        assertEquals(miltons(asked, url, depth, errorProps), ours(asked, url, depth, errorProps),
                                body + " on " + url + ", depth " + depth + (errorProps ? "" : ", Brief"));
                        compared++;
                    }
                }
            }
        }
        assertEquals(BODIES.size() * 5 * 2 * 2, compared);
    }

    @Test
    void theAnswersHoldWhatTheComparisonIsAbout() throws Exception {
        assertHolds(ours(parse(BODIES.get(8)), "/", 1, true), "<ns2:foo><x:y xmlns:x=\"urn:x\">v &amp; w</x:y></ns2:foo>",
                "<empty>bare</empty>", "HTTP/1.1 404 Not Found", "xmlns:ns4=\"http://example.com/a&amp;b&quot;c\"", "<d:href>/a%26b%3Cc%3E.bin</d:href>");
        assertHolds(ours(parse(BODIES.get(7)), "/sub%20folder/", 1, true), "<d:lockscope><d:shared/></d:lockscope>");
        String quota = ours(parse(BODIES.get(3)), "/", 0, true);
        assertTrue(quota.matches("(?s).*<d:quota-available-bytes>\\d+</d:quota-available-bytes>.*"), quota);
        // allprop: lock and quota properties, dead ones (one named href), a namespace first seen on a later entry
        assertHolds(ours(parse(BODIES.get(10)), "/", 1, true), "<d:lockdiscovery><d:activelock>", "<ns4:foo>folder's</ns4:foo>",
                "<ns2:href>/noext</ns2:href>", "xmlns:ns3=\"urn:late\"", "<d:quota-used-bytes>");
    }

    private static void assertHolds(String answer, String... parts) {
        for (String part : parts) assertTrue(answer.contains(part), () -> part + " not in " + answer);
    }

    private PropertiesRequest parse(String body) {
        return milton.getPropFindRequestFieldParser().getRequestedFields(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private String miltons(PropertiesRequest asked, String url, int depth, boolean errorProps) throws Exception {
        List<PropFindResponse> responses = milton.getPropFindPropertyBuilder().buildProperties(target(url), depth, asked, url);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        milton.getPropFindXmlGenerator().generate(responses, out, errorProps);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String ours(PropertiesRequest asked, String url, int depth, boolean errorProps) throws Exception {
        PropFindableResource target = target(url);
        List<QName> names = asked.isAllProp() ? null : new ArrayList<>(asked.getNames());
        PropertiesAnswer.MultiStatus buffer = answer.write(target, PropFindAnswerHandler.href(url, target), names, depth == 1, errorProps);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        buffer.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private PropFindableResource target(String url) throws Exception {
        Resource r = factory.getResource("localhost", java.net.URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8));
        return (PropFindableResource) r;
    }

    private org.alidav.dav.mount.Location location(String path) throws Exception {
        return ((StorageResource) factory.getResource("localhost", path)).location();
    }
}
