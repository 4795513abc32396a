package org.alidav.dav.props;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.alidav.dav.mount.Location;
import org.alidav.dav.mount.Mount;
import org.alidav.drive.DrivePath;
import org.alidav.drive.cache.Storage;
import org.alidav.drive.local.LocalDriver;
import org.alidav.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadPropertyStoreTest {
    private static final QName COLOR = new QName("urn:x", "color");
    private static final QName SIZE = new QName("urn:x", "size");

    @TempDir
    Path dir;
    private StateStore state;
    private DeadPropertyStore store;
    private Mount one;
    private Mount two;

    @BeforeEach
    void open() throws Exception {
        state = StateStore.open(dir.resolve("state.db"));
        store = new DeadPropertyStore(state, PropertyLimits.STANDARD);
        one = mount("one");
        two = mount("two");
    }

    private Mount mount(String name) throws Exception {
        Storage s = new Storage(name, new LocalDriver(Files.createDirectories(dir.resolve(name)), Clock.systemUTC()),
                Duration.ofMinutes(1), Clock.systemUTC());
        return new Mount(List.of(name), s, s);
    }

    @AfterEach
    void close() {
        one.storage().close();
        two.storage().close();
        state.close();
    }

    private static Location at(Mount m, String path) {
        return m.locate(DrivePath.parse(path));
    }

    private void set(Mount m, String path, String value) throws PropertyLimitExceeded {
        store.apply(at(m, path), Map.of(COLOR, value));
    }

    private String color(Mount m, String path) {
        return store.get(at(m, path)).get(COLOR);
    }

    /** Names that are LIKE wildcards, sort next to '/', or count differently in UTF-16 and UTF-8. */
    private static final List<String> NEIGHBOURS = List.of("/a b", "/a.b", "/ab", "/a_", "/a%", "/a0", "/b");

    private void populate() throws PropertyLimitExceeded {
        for (String p : List.of("/a", "/a/x", "/a/x/y", "/a/b%_c", "/a/ä😀")) set(one, p, "in " + p);
        for (String p : NEIGHBOURS) set(one, p, "in " + p);
    }

    @Test
    void setRemoveAndGetKeepDocumentValues() throws Exception {
        Map<QName, String> changes = new LinkedHashMap<>();
        changes.put(COLOR, "<b xmlns=\"urn:x\">red</b>");
        changes.put(SIZE, "9");
        store.apply(at(one, "/f"), changes);
        assertEquals(Map.of(COLOR, "<b xmlns=\"urn:x\">red</b>", SIZE, "9"), store.get(at(one, "/f")));
        Map<QName, String> remove = new LinkedHashMap<>();
        remove.put(SIZE, null);
        store.apply(at(one, "/f"), remove);
        assertEquals(Map.of(COLOR, "<b xmlns=\"urn:x\">red</b>"), store.get(at(one, "/f")));
        assertTrue(store.get(at(two, "/f")).isEmpty(), "another storage's path is another resource");
    }

    @Test
    void moveTakesTheSubtreeAndNothingBesideIt() throws Exception {
        populate();
        store.move(at(one, "/a"), at(one, "/z😀"));
        assertEquals("in /a", color(one, "/z😀"));
        assertEquals("in /a/x/y", color(one, "/z😀/x/y"));
        assertEquals("in /a/b%_c", color(one, "/z😀/b%_c"));
        assertEquals("in /a/ä😀", color(one, "/z😀/ä😀"));
        assertEquals(null, color(one, "/a"));
        assertEquals(null, color(one, "/a/x"));
        for (String p : NEIGHBOURS) assertEquals("in " + p, color(one, p), p + " is not below /a");
    }

    @Test
    void deleteOfAWildcardNameTakesOnlyThatName() throws Exception {
        populate();
        store.delete(at(one, "/a_"));
        store.delete(at(one, "/a%"));
        assertEquals(null, color(one, "/a_"));
        assertEquals(null, color(one, "/a%"));
        for (String p : List.of("/a", "/a/x", "/a b", "/ab", "/a0", "/b")) assertEquals("in " + p, color(one, p), p);
        store.delete(at(one, "/a"));
        assertEquals(null, color(one, "/a/ä😀"));
        assertEquals("in /a b", color(one, "/a b"));
    }

    @Test
    void copyIsShallowOrDeepAndReplacesWhatTheTargetHad() throws Exception {
        populate();
        set(one, "/t/old", "stale");
        store.copy(at(one, "/a"), at(one, "/t"), false);
        assertEquals("in /a", color(one, "/t"));
        assertEquals(null, color(one, "/t/x"));
        assertEquals(null, color(one, "/t/old"), "the replaced target's members go");
        store.copy(at(one, "/a"), at(two, "/c/t"), true);
        assertEquals("in /a/x/y", color(two, "/c/t/x/y"));
        assertEquals("in /a", color(one, "/a"), "a copy leaves the source");
    }

    @Test
    void theRootIsASubtreeToo() throws Exception {
        populate();
        set(two, "/", "root of two");
        store.copy(at(one, "/"), at(two, "/backup"), true);
        assertEquals("in /a/x/y", color(two, "/backup/a/x/y"));
        assertEquals("in /a b", color(two, "/backup/a b"));
        store.delete(at(one, "/"));
        assertEquals(null, color(one, "/a b"));
        assertEquals("root of two", color(two, "/"));
    }

    @Test
    void aValueOverTheLimitIsRefusedAndNothingOfTheUpdateIsApplied() throws Exception {
        Map<QName, String> changes = new LinkedHashMap<>();
        changes.put(COLOR, "small");
        changes.put(SIZE, "x".repeat(64 * 1024 + 1));
        PropertyLimitExceeded e = assertThrows(PropertyLimitExceeded.class, () -> store.apply(at(one, "/f"), changes));
        assertEquals(SIZE, e.property());
        assertTrue(store.get(at(one, "/f")).isEmpty());
        set(one, "/f", "ä".repeat(32 * 1024)); // 64 KiB of UTF-8: at the limit is allowed
    }

    @Test
    void aResourceOverOneMebibyteInTotalIsRefused() throws Exception {
        String value = "v".repeat(60 * 1024);
        for (int i = 0; i < 17; i++) store.apply(at(one, "/f"), Map.of(new QName("urn:x", "p" + i), value));
        QName last = new QName("urn:x", "p17");
        PropertyLimitExceeded e = assertThrows(PropertyLimitExceeded.class, () -> store.apply(at(one, "/f"), Map.of(last, value)));
        assertEquals(last, e.property());
        assertFalse(store.get(at(one, "/f")).containsKey(last));
        Map<QName, String> swap = new LinkedHashMap<>();
        swap.put(new QName("urn:x", "p0"), null);
        swap.put(last, value);
        store.apply(at(one, "/f"), swap); // a remove in the same update makes room
        assertTrue(store.get(at(one, "/f")).containsKey(last));
    }

    /** A store opened on a database that already holds properties answers them (its no-rows shortcut starts off). */
    @Test
    void aStoreOpenedLaterSeesWhatWasStored() throws Exception {
        assertTrue(store.get(at(one, "/a")).isEmpty());
        store.apply(at(one, "/a"), Map.of(COLOR, "red"));
        DeadPropertyStore reopened = new DeadPropertyStore(state, PropertyLimits.STANDARD);
        assertEquals(Map.of(COLOR, "red"), reopened.get(at(one, "/a")));
        reopened.move(at(one, "/a"), at(one, "/b"));
        assertEquals(Map.of(COLOR, "red"), store.get(at(one, "/b")));
    }
}
