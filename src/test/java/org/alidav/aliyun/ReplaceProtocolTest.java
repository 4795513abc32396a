package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alidav.LongRunning;
import org.alidav.aliyun.ReplaceJournal.Kind;
import org.alidav.aliyun.ReplaceJournal.Step;
import org.alidav.drive.ByteRange;
import org.alidav.drive.DriveException;
import org.alidav.drive.Driver;
import org.alidav.drive.DriverContext;
import org.alidav.drive.DrivePath;
import org.alidav.drive.Entry;
import org.alidav.drive.Upload;
import org.alidav.drive.cache.Storage;
import org.alidav.sandbox.Fault;
import org.alidav.sandbox.FaultPlan.Failure;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.alidav.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The overwrite protocol against the sandbox with faults injected: lost answers of the removal of the
 * old version and of the complete, removals that keep failing, and journal states a crash leaves.
 * After each, the cloud holds exactly one item under the name, with the newest complete content.
 */
@LongRunning
class ReplaceProtocolTest {
    private static final String API = SandboxServer.API_PREFIX + "openFile/";
    private static final String USER = "writer";
    private static final DrivePath P = DrivePath.parse("/p.bin");

    @TempDir
    Path dir;
    SandboxServer sandbox;
    String token;
    StateStore store;
    final List<Driver> drivers = new ArrayList<>();
    /** Another client of the same account, with no journal of ours. */
    Driver other;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir.resolve("sandbox")).build());
        token = sandbox.issueRefreshToken(USER);
        store = StateStore.open(dir.resolve("state.db"));
    }

    /** The sandbox again, listing unfinished uploads (the reading under which a lost create can be found). */
    private void listingUnfinishedUploads() {
        sandbox.close();
        sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir.resolve("listing-sandbox")).listUnfinishedUploads(true).build());
        token = sandbox.issueRefreshToken(USER);
    }

    /** A write's answer lost after the sandbox applied it, in the ways a gateway or connection loses it. */
    enum LostAnswer {
        DROPPED, GATEWAY_TIMEOUT, EMPTY_BODY, EMPTY_OBJECT;

        Fault at(String endpoint) {
            return switch (this) {
                case DROPPED -> Fault.drop(endpoint).after();
                case GATEWAY_TIMEOUT -> Fault.html(endpoint, 504).after();
                case EMPTY_BODY -> Fault.emptyBody(endpoint);
                case EMPTY_OBJECT -> Fault.emptyObject(endpoint);
            };
        }
    }

    @AfterEach
    void stop() {
        drivers.forEach(Driver::close);
        sandbox.close();
        store.close();
    }

    /** A driver on the test's state database: a second call is the same server after a restart. */
    private AliyunOpenDriver driver(Map<String, Object> overrides) {
        Map<String, Object> o = new java.util.HashMap<>(Map.of("retry_backoff", "10ms"));
        o.putAll(overrides);
        DriverContext context = new DriverContext("/", dir.resolve("state"), Clock.systemUTC(), store, dir.resolve("spool"), dir);
        AliyunOpenDriver d = (AliyunOpenDriver) SandboxDrivers.driver(sandbox, context, token, o);
        drivers.add(d);
        return d;
    }

    /** What another client sees: a driver with no journal of ours, so nothing is hidden from it. */
    private List<Entry> seenByAnotherClient(String name) {
        if (other == null) {
            other = SandboxDrivers.driver(sandbox, dir.resolve("other"), sandbox.issueRefreshToken(USER), Map.of());
            drivers.add(other);
        }
        return other.list(other.root()).stream().filter(e -> e.name().equals(name)).toList();
    }

    private static Entry put(Driver d, String name, String content, Entry existing) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        return d.put(d.root(), name, new Upload(new ByteArrayInputStream(b), b.length, null, null, existing));
    }

    private static String read(Driver d, Entry e) throws IOException {
        try (InputStream in = d.open(e, ByteRange.whole(e.size()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void assertOneItem(String name, String content) throws IOException {
        List<Entry> items = seenByAnotherClient(name);
        assertEquals(1, items.size(), "items named " + name + ": " + items);
        assertEquals(content, read(other, items.get(0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"trash", "delete"})
    void anOverwriteWhoseRemovalAnswerIsLostKeepsTheNewVersionAlone(String removeWay) throws Exception {
        AliyunOpenDriver d = driver(Map.of("remove_way", removeWay));
        Entry old = put(d, "p.bin", "version one", null);
        sandbox.faults().dropConnectionAfterNext(API + (removeWay.equals("trash") ? "recyclebin/trash" : "delete"));

        Entry written = put(d, "p.bin", "version two", old);

        assertNotEquals(old.id(), written.id());
        assertOneItem("p.bin", "version two");
        assertEquals(removeWay.equals("trash") ? List.of("p.bin") : List.of(), sandbox.trashedNames(USER), "the old version went " + removeWay);
        assertEquals(List.of(), d.journal().entries());
    }

    @Test
    void aRemovalThatKeepsFailingLeavesTheNewVersionServedAndIsFinishedByTheMaintenancePass() throws Exception {
        AliyunOpenDriver d = driver(Map.of());
        Storage storage = new Storage("/", d, Duration.ofMinutes(1), Clock.systemUTC());
        storage.put(P, new ByteArrayInputStream("one".getBytes(StandardCharsets.UTF_8)), 3, null, null);
        sandbox.faults().failNext(Replacement.REMOVE_ATTEMPTS, API + "recyclebin/trash", Failure.INTERNAL_ERROR);

        Entry written = storage.put(P, new ByteArrayInputStream("two".getBytes(StandardCharsets.UTF_8)), 3, null, null);

        assertEquals(2, seenByAnotherClient("p.bin").size(), "the old version is still there");
        storage.invalidate(DrivePath.ROOT);
        assertEquals(written.id(), storage.stat(P).id(), "our listing hides the version being replaced");
        assertEquals(List.of(), storage.health().pending(), "nothing reported before a pass");
        sandbox.faults().failNext(1, API + "recyclebin/trash", Failure.INTERNAL_ERROR);
        storage.maintain();
        List<String> pending = storage.health().pending();
        assertEquals(1, pending.size(), "the failed pass leaves the removal pending: " + pending);
        assertTrue(pending.get(0).startsWith("PUT of p.bin: COMPLETE, 2 failed attempts (500 InternalError"), pending.get(0));

        storage.maintain();

        assertOneItem("p.bin", "two");
        assertEquals(List.of("p.bin"), sandbox.trashedNames(USER));
        assertEquals(List.of(), storage.health().pending());
    }

    @ParameterizedTest
    @EnumSource(value = Failure.class, names = {"INTERNAL_ERROR", "BAD_GATEWAY"})
    void aFailedCompleteIsABackendErrorAndLeavesTheOldVersionAndNoUpload(Failure failure) throws Exception {
        AliyunOpenDriver d = driver(Map.of());
        Entry old = put(d, "p.bin", "version one", null);
        sandbox.faults().failNext(1, API + "complete", failure);

        DriveException e = assertThrows(DriveException.class, () -> put(d, "p.bin", "version two", old));

        assertTrue(e.kind().httpStatus == 502 || e.kind().httpStatus == 503, e.kind() + ": " + e.getMessage());
        assertOneItem("p.bin", "version one");
        assertEquals(List.of(), sandbox.unfinishedUploads(USER), "the unfinished upload was deleted");
        assertEquals(List.of(), sandbox.trashedNames(USER), "nothing a user saw was removed");
        assertEquals(List.of(), d.journal().entries());
    }

    @Test
    void aCompleteWhoseAnswerIsLostIsLookedUpAndCounts() throws Exception {
        AliyunOpenDriver d = driver(Map.of());
        Entry old = put(d, "p.bin", "version one", null);
        sandbox.faults().dropConnectionAfterNext(API + "complete");

        put(d, "p.bin", "version two", old);

        assertOneItem("p.bin", "version two");
        assertEquals(List.of(), d.journal().entries());
    }

    @Test
    void aFailedUploadToANewNameLeavesNothing() {
        AliyunOpenDriver d = driver(Map.of());
        sandbox.faults().failNext(1, API + "complete", Failure.INTERNAL_ERROR);

        DriveException e = assertThrows(DriveException.class, () -> put(d, "new.bin", "content", null));

        assertEquals(503, e.kind().httpStatus);
        assertEquals(List.of(), seenByAnotherClient("new.bin"));
        assertEquals(List.of(), sandbox.unfinishedUploads(USER));
    }

    @Test
    void anUnfinishedUploadWhoseDeleteFailsIsDeletedByTheMaintenancePass() {
        AliyunOpenDriver d = driver(Map.of());
        sandbox.faults().failNext(1, API + "complete", Failure.INTERNAL_ERROR);
        sandbox.faults().failNext(1, API + "delete", Failure.INTERNAL_ERROR);
        assertThrows(DriveException.class, () -> put(d, "new.bin", "content", null));
        assertEquals(List.of("new.bin"), sandbox.unfinishedUploads(USER));
        assertEquals(ReplaceJournal.State.ABANDONED, d.journal().entries().get(0).state());

        assertEquals(List.of(), d.maintain());

        assertEquals(List.of(), sandbox.unfinishedUploads(USER));
        assertEquals(List.of(), sandbox.trashedNames(USER), "an unfinished upload is deleted, never trashed");
    }

    /** A dropped connection is not among them: the create is looked for and resent (the next test). */
    @ParameterizedTest
    @EnumSource(value = LostAnswer.class, names = "DROPPED", mode = EnumSource.Mode.EXCLUDE)
    void aCreateWhoseAnswerIsLostLeavesNoUploadSession(LostAnswer lost) throws Exception {
        listingUnfinishedUploads();
        AliyunOpenDriver d = driver(Map.of());
        Entry old = put(d, "p.bin", "version one", null);
        sandbox.faults().inject(lost.at(API + "create"));

        DriveException e = assertThrows(DriveException.class, () -> put(d, "p.bin", "version two", old));

        assertTrue(e.kind().httpStatus == 502 || e.kind().httpStatus == 503, e.kind() + ": " + e.getMessage());
        assertOneItem("p.bin", "version one");
        assertEquals(List.of(), sandbox.unfinishedUploads(USER), "the session the create made was found and deleted");
        assertEquals(List.of(), sandbox.trashedNames(USER));
        assertEquals(List.of(), d.journal().entries());
    }

    @Test
    void anOverwriteWhoseCreateLostItsConnectionRemovesTheSessionAndIsResent() throws Exception {
        listingUnfinishedUploads();
        AliyunOpenDriver d = driver(Map.of());
        Entry old = put(d, "p.bin", "version one", null);
        sandbox.faults().inject(LostAnswer.DROPPED.at(API + "create"));

        put(d, "p.bin", "version two", old);

        assertOneItem("p.bin", "version two");
        assertEquals(List.of(), sandbox.unfinishedUploads(USER), "the session the first create made was found and deleted");
        assertEquals(List.of("p.bin"), sandbox.trashedNames(USER), "only the replaced version, never the session");
        assertEquals(List.of(), d.journal().entries());
    }

    @Test
    void whereListingsHideUnfinishedUploadsALostCreateIsReportedAndDropped() throws Exception {
        AliyunOpenDriver d = driver(Map.of());
        Entry old = put(d, "p.bin", "version one", null);
        sandbox.faults().inject(LostAnswer.GATEWAY_TIMEOUT.at(API + "create"));

        DriveException e = assertThrows(DriveException.class, () -> put(d, "p.bin", "version two", old));

        assertTrue(e.kind().httpStatus == 502 || e.kind().httpStatus == 503, e.kind() + ": " + e.getMessage());
        assertOneItem("p.bin", "version one");
        assertEquals(List.of("p.bin"), sandbox.unfinishedUploads(USER), "nothing names the session: it is left to expire");
        assertEquals(List.of(), d.journal().entries());
        assertEquals(List.of(), d.maintain());
    }

    @Test
    void aCrashBeforeTheCreateAnsweredDeletesItsSessionAtStart() throws Exception {
        listingUnfinishedUploads();
        AliyunOpenDriver before = driver(Map.of());
        Entry old = put(before, "p.bin", "version one", null);
        journal().begin(Kind.PUT, "root", "p.bin", old.id(), null);
        before.api().create(new java.util.LinkedHashMap<>(Map.of("parent_file_id", "root", "name", "p.bin", "type", "file",
                "check_name_mode", OpenApi.IGNORE, "part_info_list", OpenApi.partNumbers(1, 1))));

        AliyunOpenDriver restarted = driver(Map.of());
        assertEquals(List.of(), restarted.maintain());

        assertOneItem("p.bin", "version one");
        assertEquals(List.of(), sandbox.unfinishedUploads(USER));
        assertEquals(List.of(), restarted.journal().entries());
    }

    @Test
    void aCrashedCreateIsNotLookedForWhileAWriteOfTheNameRuns() {
        listingUnfinishedUploads();
        AliyunOpenDriver d = driver(Map.of());
        journal().begin(Kind.PUT, "root", "p.bin", null, null); // an earlier process's, crashed
        Step running = d.journal().begin(Kind.PUT, "root", "p.bin", null, null);
        d.api().create(new java.util.LinkedHashMap<>(Map.of("parent_file_id", "root", "name", "p.bin", "type", "file",
                "check_name_mode", OpenApi.REFUSE, "part_info_list", OpenApi.partNumbers(1, 1))));

        List<String> pending = d.maintain();
        assertEquals(1, pending.size(), "the crashed entry waits: " + pending);
        assertEquals(List.of("p.bin"), sandbox.unfinishedUploads(USER), "the running write's session is left alone");

        d.journal().end(running);
        assertEquals(List.of(), d.maintain());
        assertEquals(List.of(), sandbox.unfinishedUploads(USER));
    }

    @ParameterizedTest
    @EnumSource(LostAnswer.class)
    void aCopyWhoseAnswerIsLostCarriesOnWithTheCopyItFinds(LostAnswer lost) throws Exception {
        Storage storage = storageWithAAndB();
        sandbox.faults().inject(lost.at(API + "copy"));

        storage.copy(DrivePath.parse("/a.txt"), DrivePath.parse("/b.txt"), true);

        assertOneItem("a.txt", "a");
        assertOneItem("b.txt", "a");
        assertEquals(List.of(), seenByAnotherClient("a(1).txt"), "the copy took the target's name");
        assertEquals(List.of("b.txt"), sandbox.trashedNames(USER));
    }

    @Test
    void aCrashBeforeTheCopyAnsweredRemovesTheCopyAtStart() throws Exception {
        AliyunOpenDriver before = driver(Map.of());
        Entry a = put(before, "a.txt", "a", null);
        Entry b = put(before, "b.txt", "b", null);
        journal().begin(Kind.COPY, "root", "b.txt", b.id(), a.id());
        before.api().copy(a.id(), "root");
        assertEquals(1, seenByAnotherClient("a(1).txt").size());

        AliyunOpenDriver restarted = driver(Map.of());
        assertEquals(List.of(), restarted.maintain());

        assertEquals(List.of(), seenByAnotherClient("a(1).txt"));
        assertOneItem("a.txt", "a");
        assertOneItem("b.txt", "b");
        assertEquals(List.of("a(1).txt"), sandbox.trashedNames(USER), "users saw the copy: it goes per remove_way");
    }

    @Test
    void aJournalWrittenBeforeCopiesRecordedTheirSourceGetsTheColumn() {
        store.schema("""
                CREATE TABLE replace_journal (id INTEGER PRIMARY KEY AUTOINCREMENT, storage TEXT NOT NULL, kind TEXT NOT NULL,
                  parent_id TEXT NOT NULL, name TEXT NOT NULL, old_id TEXT, new_id TEXT, state TEXT NOT NULL,
                  started_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT)""",
                "INSERT INTO replace_journal (storage, kind, parent_id, name, state, started_at) VALUES ('/', 'PUT', 'root', 'p.bin', 'BEGUN', 0)");

        ReplaceJournal journal = journal();
        Step copy = journal.begin(Kind.COPY, "root", "b.txt", "old", "source");

        assertEquals(List.of("p.bin:null", "b.txt:source"),
                journal.entries().stream().map(e -> e.name() + ":" + e.sourceId()).toList());
        assertEquals(copy, journal.entries().get(1));
    }

    @ParameterizedTest
    @EnumSource(value = LostAnswer.class, names = {"EMPTY_BODY", "EMPTY_OBJECT"})
    void aMoveWhoseRenameAnswersAnEmptySuccessIsLookedUp(LostAnswer lost) throws Exception {
        Storage storage = storageWithAAndB();
        sandbox.faults().inject(lost.at(API + "update"));

        storage.move(DrivePath.parse("/a.txt"), DrivePath.parse("/b.txt"), true);

        assertEquals(List.of(), seenByAnotherClient("a.txt"));
        assertOneItem("b.txt", "a");
        assertEquals(List.of("b.txt"), sandbox.trashedNames(USER));
    }

    /** A complete new version beside the old one, as a crash right after the complete leaves them. */
    private Entry newVersionBeside(AliyunOpenDriver d, String content) {
        Entry fresh = put(d, "fresh.bin", content, null);
        d.api().rename(fresh.id(), "p.bin", OpenApi.IGNORE);
        return fresh.withName("p.bin");
    }

    /** The journal as the drivers of this test see it (a restart reads the same database). */
    private ReplaceJournal journal() {
        return new ReplaceJournal(store, "/", Clock.systemUTC());
    }

    /**
     * p.bin holding "version one" and, beside it, "version two" complete and journaled as such: what a
     * kill -9 while the old version waits for its removal leaves. Answers the new version.
     */
    private Entry crashedAfterComplete(AliyunOpenDriver d) {
        Entry old = put(d, "p.bin", "version one", null);
        Entry fresh = newVersionBeside(d, "version two");
        journal().complete(journal().created(journal().begin(Kind.PUT, "root", "p.bin", old.id(), null), fresh.id()));
        return fresh;
    }

    @Test
    void aCrashAfterTheCompleteIsFinishedAtStart() throws Exception {
        AliyunOpenDriver before = driver(Map.of());
        Entry fresh = crashedAfterComplete(before);
        Entry freshToo = newVersionBeside(before, "version three");
        journal().created(journal().begin(Kind.PUT, "root", "p.bin", fresh.id(), null), freshToo.id());
        assertEquals(3, seenByAnotherClient("p.bin").size());

        AliyunOpenDriver restarted = driver(Map.of());
        assertEquals(List.of(), restarted.maintain());

        assertOneItem("p.bin", "version three");
        assertEquals(List.of("p.bin", "p.bin"), sandbox.trashedNames(USER));
    }

    @Test
    void aReplacedVersionSomeoneMovedAwayMeanwhileIsNotRemoved() throws Exception {
        AliyunOpenDriver d = driver(Map.of());
        Entry fresh = crashedAfterComplete(d);
        Entry old = seenByAnotherClient("p.bin").stream().filter(e -> !e.id().equals(fresh.id())).findFirst().orElseThrow();
        d.api().rename(old.id(), "kept by the user.bin", OpenApi.REFUSE);

        assertEquals(List.of(), d.maintain());

        assertOneItem("p.bin", "version two");
        assertOneItem("kept by the user.bin", "version one");
        assertEquals(List.of(), sandbox.trashedNames(USER));
    }

    @Test
    void aCrashDuringTheUploadRemovesTheUnfinishedVersionAndKeepsTheOldOne() throws Exception {
        AliyunOpenDriver before = driver(Map.of());
        Entry old = put(before, "p.bin", "version one", null);
        String unfinished = before.api().create(new java.util.LinkedHashMap<>(Map.of("parent_file_id", "root", "name", "p.bin",
                "type", "file", "check_name_mode", OpenApi.IGNORE, "part_info_list", OpenApi.partNumbers(1, 1)))).fileId();
        journal().created(journal().begin(Kind.PUT, "root", "p.bin", old.id(), null), unfinished);
        journal().begin(Kind.PUT, "root", "p.bin", old.id(), null); // crashed before the create answered
        assertEquals(List.of("p.bin"), sandbox.unfinishedUploads(USER));

        AliyunOpenDriver restarted = driver(Map.of());
        assertEquals(List.of(), restarted.maintain());

        assertOneItem("p.bin", "version one");
        assertEquals(List.of(), sandbox.unfinishedUploads(USER));
        assertEquals(List.of(), restarted.journal().entries());
    }

    /** A storage holding a.txt ("a") and b.txt ("b"). */
    private Storage storageWithAAndB() {
        Storage storage = new Storage("/", driver(Map.of()), Duration.ofMinutes(1), Clock.systemUTC());
        for (String name : List.of("a", "b")) {
            storage.put(DrivePath.parse("/" + name + ".txt"), new ByteArrayInputStream(name.getBytes(StandardCharsets.UTF_8)), 1, null, null);
        }
        return storage;
    }

    @Test
    void aMoveOntoAnExistingFileWhoseRenameFailsKeepsBoth() throws Exception {
        Storage storage = storageWithAAndB();
        sandbox.faults().failNext(1, API + "update", Failure.INTERNAL_ERROR);

        assertThrows(DriveException.class, () -> storage.move(DrivePath.parse("/a.txt"), DrivePath.parse("/b.txt"), true));
        assertOneItem("a.txt", "a");
        assertOneItem("b.txt", "b");

        storage.move(DrivePath.parse("/a.txt"), DrivePath.parse("/b.txt"), true);
        assertEquals(List.of(), seenByAnotherClient("a.txt"));
        assertOneItem("b.txt", "a");
        assertEquals(List.of("b.txt"), sandbox.trashedNames(USER));
    }

    @Test
    void aCopyOntoAnExistingFileReplacesItSideBySide() throws Exception {
        Storage storage = storageWithAAndB();

        storage.copy(DrivePath.parse("/a.txt"), DrivePath.parse("/b.txt"), true);

        assertOneItem("a.txt", "a");
        assertOneItem("b.txt", "a");
        assertEquals(List.of("b.txt"), sandbox.trashedNames(USER));
    }

    @Test
    void duplicatesAreServedNewestFirstRemovedTogetherAndRepairedWhenAsked() throws Exception {
        AliyunOpenDriver d = driver(Map.of("repair_duplicates", true));
        Storage storage = new Storage("/", d, Duration.ofMinutes(1), Clock.systemUTC());
        Entry old = put(d, "p.bin", "older", null);
        // a client's mtime far in the past must not make the newer upload lose
        byte[] b = "newer".getBytes(StandardCharsets.UTF_8);
        Entry fresh = d.put(d.root(), "fresh.bin", new Upload(new ByteArrayInputStream(b), b.length, java.time.Instant.EPOCH, null, null));
        d.api().rename(fresh.id(), "p.bin", OpenApi.IGNORE);

        assertEquals(fresh.id(), storage.stat(P).id());
        assertEquals(Map.of("/p.bin", 1), storage.health().duplicates());

        storage.maintain();

        assertOneItem("p.bin", "newer");
        assertEquals(List.of("p.bin"), sandbox.trashedNames(USER), "the older copy went to the recycle bin");
        assertEquals(Map.of(), storage.health().duplicates());
        assertNotEquals(old.id(), storage.stat(P).id());
    }

    @Test
    void aPutOntoANameAnotherClientTookMeanwhileStillReplacesIt() throws Exception {
        AliyunOpenDriver d = driver(Map.of());
        Storage storage = new Storage("/", d, Duration.ofMinutes(1), Clock.systemUTC());
        assertTrue(storage.find(P).isEmpty(), "the listing is cached without p.bin");
        seenByAnotherClient("p.bin");
        put(other, "p.bin", "theirs", null);

        storage.put(P, new ByteArrayInputStream("ours".getBytes(StandardCharsets.UTF_8)), 4, null, null);

        assertOneItem("p.bin", "ours");
        assertEquals(List.of("p.bin"), sandbox.trashedNames(USER));
    }

    @Test
    void aDeleteRemovesEveryItemOfTheName() throws Exception {
        AliyunOpenDriver d = driver(Map.of());
        Storage storage = new Storage("/", d, Duration.ofMinutes(1), Clock.systemUTC());
        put(d, "p.bin", "older", null);
        d.api().rename(put(d, "fresh.bin", "newer", null).id(), "p.bin", OpenApi.IGNORE);
        assertEquals("newer", read(d, storage.stat(P)));

        storage.remove(P);

        assertEquals(List.of(), seenByAnotherClient("p.bin"));
        assertTrue(storage.find(P).isEmpty());
        storage.maintain();
        assertEquals(Map.of(), storage.health().duplicates(), "nothing left to report");
        assertArrayEquals(new String[] {"p.bin", "p.bin"}, sandbox.trashedNames(USER).toArray());
    }

    @Test
    void stepsOfAWriteRunningNowAreLeftAlone() {
        AliyunOpenDriver d = driver(Map.of());
        Step running = d.journal().begin(Kind.PUT, "root", "p.bin", null, null);
        assertEquals(List.of(), d.maintain());
        assertEquals(List.of(running), d.journal().entries());
    }
}
