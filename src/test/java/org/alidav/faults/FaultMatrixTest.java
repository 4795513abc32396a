package org.alidav.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.alidav.EndToEnd;
import org.alidav.TestApp;
import org.alidav.sandbox.Fault;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.alidav.sandbox.Stall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's acceptance matrix: every write path of the cloud driver (rows) under every fault the
 * service can throw at it (columns), through the whole server over HTTP against the sandbox. Each
 * case writes in a folder of its own, clears the fault and judges the end state from the sandbox's
 * own state ({@link WritePath#violations}). A case that fails is a test that fails; the table of
 * all cases is printed and written to {@code target/fault-matrix.md} at the end.
 *
 * <p>After the fault clears the server's cleanup pass runs ({@code Application.maintainNow()} in this
 * JVM; a restarted child runs its own at start and every second), then the end state is judged:
 * stray upload sessions, temp files in the folder or in the server's spool fail the case.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EndToEnd
class FaultMatrixTest {
    /** Two and a half parts: every body is sent in three part uploads. */
    private static final int SIZE = ServerConfig.PART_SIZE * 5 / 2;
    private static final Duration STORM = Duration.ofSeconds(1);
    private static final long STORM_RETRY_AFTER_MILLIS = 200;
    private static final int[] GATEWAY_STATUSES = {502, 503, 504, 500};
    private static final Duration STEP_REACHED = Duration.ofSeconds(30);
    /** A restarted child runs its maintenance pass at start and then this often... */
    private static final Duration CHILD_MAINTENANCE = Duration.ofSeconds(1);
    /** ...and its case is judged once the end state holds, or after this long. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration SETTLE_POLL = Duration.ofMillis(200);

    static final String NO_FAULT = "no fault";
    static final String LOST = "answer lost after processing";
    static final String GATEWAY = "5xx HTML, not applied";
    static final String GATEWAY_APPLIED = "504 HTML, applied";
    static final String EMPTY = "empty 200 body, applied";
    static final String STORM_429 = "429 storm";
    static final String IDLE_CLOSED = "idle connections closed";
    static final String KILL = "kill -9 + restart";
    static final List<Integer> WRITERS = List.of(2, 10, 30);
    /** The replaces the kill column covers: each case costs a JVM start, so not every row. */
    static final List<WritePath> KILLED = List.of(WritePath.PUT_OVERWRITE, WritePath.MOVE_OVERWRITE);

    @TempDir
    static Path dir;
    private static SandboxServer sandbox;
    private static String user;
    private static ExecutorService pool;
    private static MatrixReport report;
    private static EndState endState;
    private static final AtomicInteger cases = new AtomicInteger();

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir.resolve("sandbox")).rateLimits(false)
                .listUnfinishedUploads(true).build()); // the reading under which a lost create leaves a session to find
        user = sandbox.defaultUser().name();
        endState = new EndState(sandbox, user);
        pool = Executors.newFixedThreadPool(32);
        List<String> columns = new ArrayList<>(List.of(NO_FAULT, LOST, GATEWAY, GATEWAY_APPLIED, EMPTY, STORM_429, IDLE_CLOSED, KILL));
        WRITERS.forEach(n -> columns.add(writers(n)));
        report = new MatrixReport(columns);
    }

    @AfterAll
    static void publish() {
        report.publish(Path.of("target", "fault-matrix.md"));
        pool.shutdownNow();
        sandbox.close();
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> faultAtEachStepWithTrash() throws Exception {
        return faultAtEachStep("trash");
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> faultAtEachStepWithDelete() throws Exception {
        return faultAtEachStep("delete");
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> concurrentWriters() throws Exception {
        InProcess server = InProcess.start("trash");
        List<DynamicTest> tests = new ArrayList<>();
        for (WritePath path : WritePath.values()) {
            for (int n : WRITERS) {
                if (n == 10 && path != WritePath.PUT_NEW) continue; // the issue's "10 PUTs to a new name"
                tests.add(test(path, row(path, "trash"), writers(n), n + " at once", c -> runCase(server, c, () -> { }),
                        n));
            }
        }
        return tests.stream().onClose(server::close);
    }

    /**
     * The replaces ({@link #KILLED}) with the server killed at each of their steps: the step's
     * call is held by the sandbox, the server's JVM gets SIGKILL, the held call is then let through
     * (so the service applied the step, and no one heard the answer), and a new server starts on
     * the same data_dir. One JVM per case; each restarted server serves the next case.
     */
    @TestFactory
    @Order(4)
    Stream<DynamicTest> killAtEachStepOfAReplace() throws Exception {
        Path killDir = Files.createDirectories(dir.resolve("kill"));
        ServerConfig config = ServerConfig.on(sandbox, killDir.resolve("data"), sandbox.issueRefreshToken(user), "trash")
                .withMaintenanceInterval(CHILD_MAINTENANCE);
        Judge settled = (c, statuses) -> endState.settled(c, statuses, config.spoolDir(), SETTLE, SETTLE_POLL);
        ServerProcess server = ServerProcess.start(config, killDir);
        List<DynamicTest> tests = new ArrayList<>();
        for (WritePath path : KILLED) {
            String row = row(path, "trash");
            for (Step step : discover(server.dav(), path, row, tests, settled)) {
                tests.add(test(path, row, KILL, step.toString(), c -> killAt(step, c, server, settled), 1));
            }
        }
        return tests.stream().onClose(() -> {
            try {
                server.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Holds the write at {@code step}, kills the server, lets the step through, restarts and judges. */
    private CaseResult killAt(Step step, WriteCase c, ServerProcess server, Judge judge) throws Exception {
        DavClient dav = server.dav();
        c.seed(dav);
        Stall stall = sandbox.faults().inject(Fault.stall(step.endpoint()).skipping(step.index())).stall();
        CompletableFuture<List<Integer>> write = CompletableFuture.supplyAsync(() -> c.run(dav, pool), pool);
        boolean reached = stall.awaitReached(STEP_REACHED);
        server.kill();
        stall.release();
        List<Integer> statuses = write.join();
        sandbox.faults().clear();
        server.restart();
        server.dav().propfind(c.folder()); // a client looks at the folder again
        List<String> violations = new ArrayList<>(judge.judge(c, statuses).violations());
        if (!reached) violations.add(0, "the write never reached " + step);
        return new CaseResult(statuses, violations);
    }

    /**
     * Every write path with, at each step: the answer lost after the call was applied; a gateway's
     * HTML error page instead of processing (500 to 504 in turn); a gateway timeout page after it was
     * applied; an empty success body (API calls: no body, or {@code {}}, in turn). Then the kept-alive
     * connections closed under the server's client, and a 429 storm.
     */
    private Stream<DynamicTest> faultAtEachStep(String removeWay) throws Exception {
        InProcess server = InProcess.start(removeWay);
        List<DynamicTest> tests = new ArrayList<>();
        for (WritePath path : WritePath.values()) {
            if (path == WritePath.PUT_NEW && removeWay.equals("delete")) continue; // removes nothing: same as with trash
            String row = row(path, removeWay);
            List<Step> steps = discover(server.dav(), path, row, tests, server::judgeAfterCleanup);
            for (Step step : steps) {
                tests.add(test(path, row, LOST, step.toString(), c -> runCase(server, c,
                        () -> sandbox.faults().inject(Fault.drop(step.endpoint()).after().skipping(step.index()))), 1));
            }
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                int status = GATEWAY_STATUSES[i % GATEWAY_STATUSES.length];
                tests.add(test(path, row, GATEWAY, step + " → " + status, c -> runCase(server, c,
                        () -> sandbox.faults().inject(Fault.html(step.endpoint(), status).skipping(step.index()))), 1));
            }
            for (Step step : steps) {
                tests.add(test(path, row, GATEWAY_APPLIED, step.toString(), c -> runCase(server, c,
                        () -> sandbox.faults().inject(Fault.html(step.endpoint(), 504).after().skipping(step.index()))), 1));
            }
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (!step.isApi()) continue; // a part upload's success has no body anyway
                Fault empty = i % 2 == 0 ? Fault.emptyBody(step.endpoint()) : Fault.emptyObject(step.endpoint());
                tests.add(test(path, row, EMPTY, step + (i % 2 == 0 ? " → no body" : " → {}"), c -> runCase(server, c,
                        () -> sandbox.faults().inject(empty.skipping(step.index()))), 1));
            }
            tests.add(test(path, row, IDLE_CLOSED, "just before the write", c -> runCase(server, c,
                    () -> sandbox.faults().closeIdleConnections()), 1));
            tests.add(test(path, row, STORM_429, "every API call for " + STORM.toMillis() + " ms", c -> runCase(server, c,
                    () -> sandbox.faults().inject(Fault.tooManyRequests(Fault.ANY_API, STORM_RETRY_AFTER_MILLIS).lasting(STORM))), 1));
        }
        return tests.stream().onClose(server::close);
    }

    /**
     * Runs the write once without faults, counting its calls: that is the "no fault" case of the row
     * (run now, asserted by the test added to {@code tests}) and the source of the row's steps.
     */
    private List<Step> discover(DavClient dav, WritePath path, String row, List<DynamicTest> tests, Judge judge) {
        List<Step> steps = new ArrayList<>();
        MatrixReport.Outcome clean = record(path, row, NO_FAULT, "clean run", c -> {
            c.seed(dav);
            sandbox.stats().reset();
            List<Integer> statuses = c.run(dav, pool);
            steps.addAll(Step.from(sandbox.stats()));
            return judge.judge(c, statuses);
        }, 1);
        tests.add(DynamicTest.dynamicTest(name(clean), () -> assertPassed(clean)));
        return steps;
    }

    /** Seeds, arms the fault, writes, clears the fault, runs the cleanup pass and judges. */
    private CaseResult runCase(InProcess server, WriteCase c, Runnable arm) throws InterruptedException {
        c.seed(server.dav());
        arm.run();
        List<Integer> statuses;
        try {
            statuses = c.run(server.dav(), pool);
        } finally {
            sandbox.faults().clear();
        }
        return server.judgeAfterCleanup(c, statuses);
    }

    /** How a case's end state is judged on a given server. */
    private interface Judge {
        CaseResult judge(WriteCase c, List<Integer> statuses) throws InterruptedException;
    }

    /** A case as a test of its own: run (now, when JUnit gets to it), recorded in the matrix, asserted. */
    private DynamicTest test(WritePath path, String row, String column, String detail, CaseBody body, int writers) {
        return DynamicTest.dynamicTest(row + " × " + column + " [" + detail + "]",
                () -> assertPassed(record(path, row, column, detail, body, writers)));
    }

    private static String name(MatrixReport.Outcome o) {
        return o.row() + " × " + o.column() + " [" + o.detail() + "]";
    }

    private static void assertPassed(MatrixReport.Outcome o) {
        assertTrue(o.passed(), name(o) + ": " + o.violations());
    }

    private MatrixReport.Outcome record(WritePath path, String row, String column, String detail, CaseBody body, int writers) {
        int n = cases.incrementAndGet();
        WriteCase c = WriteCase.of(path, "case" + n, writers, SIZE, n);
        MatrixReport.Outcome o;
        try {
            CaseResult r = body.run(c);
            o = new MatrixReport.Outcome(row, column, detail + ", statuses " + summary(r.statuses()), r.violations());
        } catch (Exception | AssertionError e) {
            o = new MatrixReport.Outcome(row, column, detail, List.of("case broke: " + e));
        } finally {
            sandbox.faults().clear();
        }
        report.add(o);
        return o;
    }

    /** A case's body: seed, fault, write, judge. */
    private interface CaseBody {
        CaseResult run(WriteCase c) throws Exception;
    }

    private static String summary(List<Integer> statuses) {
        if (statuses.size() <= 3) return statuses.toString();
        return statuses.stream().collect(java.util.stream.Collectors.groupingBy(Function.identity(),
                java.util.TreeMap::new, java.util.stream.Collectors.counting())).toString();
    }

    /** A server in this JVM, whose cleanup pass the test runs itself after each case. */
    private record InProcess(TestApp app, ServerConfig config, DavClient dav) implements AutoCloseable {
        static InProcess start(String removeWay) throws Exception {
            Path serverDir = Files.createDirectories(dir.resolve("server-" + removeWay));
            ServerConfig config = ServerConfig.on(sandbox, serverDir.resolve("data"), sandbox.issueRefreshToken(user), removeWay);
            TestApp app = TestApp.start(serverDir, config.yaml(), false);
            return new InProcess(app, config, new DavClient(app.url("/")));
        }

        /** The server's cleanup pass, then the end state. */
        CaseResult judgeAfterCleanup(WriteCase c, List<Integer> statuses) throws InterruptedException {
            app.app.maintainNow();
            return endState.judge(c, statuses, config.spoolDir());
        }

        @Override
        public void close() {
            app.close();
        }
    }

    private static String row(WritePath path, String removeWay) {
        return path.label + " (" + removeWay + ")";
    }

    private static String writers(int n) {
        return n + " writers";
    }
}
