package org.alidav.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.alidav.TestApp;
import org.alidav.sandbox.FaultPlan;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.junit.jupiter.api.DynamicTest;

/**
 * One sandbox of the fault matrix and what its cases share: the end-state judge, the writers' pool,
 * the case numbers. The sandbox injects its faults into every call it serves, so the cases of one
 * bench run one after another; each part of the matrix has a bench of its own, so the parts run side
 * by side. Every case is recorded in the matrix's {@link MatrixReport}.
 */
final class MatrixBench implements AutoCloseable {
    /** Two and a half parts: every body is sent in three part uploads. */
    private static final int SIZE = ServerConfig.PART_SIZE * 5 / 2;

    private final Path dir;
    private final SandboxServer sandbox;
    private final String user;
    private final EndState endState;
    private final ExecutorService pool;
    private final MatrixReport report;
    private final AtomicInteger cases = new AtomicInteger();
    /** Set while a case runs: a second case at once would meet the first one's fault. */
    private final AtomicBoolean busy = new AtomicBoolean();

    private MatrixBench(Path dir, SandboxServer sandbox, MatrixReport report) {
        this.dir = dir;
        this.sandbox = sandbox;
        this.user = sandbox.defaultUser().name();
        this.endState = new EndState(sandbox, user);
        this.pool = Executors.newFixedThreadPool(32);
        this.report = report;
    }

    /** A sandbox with its data under {@code dir}, its cases recorded in {@code report}. */
    static MatrixBench start(Path dir, MatrixReport report) {
        SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir.resolve("sandbox")).rateLimits(false)
                .listUnfinishedUploads(true).build()); // the reading under which a lost create leaves a session to find
        return new MatrixBench(dir, sandbox, report);
    }

    FaultPlan faults() {
        return sandbox.faults();
    }

    ExecutorService pool() {
        return pool;
    }

    EndState endState() {
        return endState;
    }

    /** The config of a server on this sandbox, its data_dir under {@code serverDir}. */
    ServerConfig serverConfig(Path serverDir, String removeWay) {
        return ServerConfig.on(sandbox, serverDir.resolve("data"), sandbox.issueRefreshToken(user), removeWay);
    }

    /** A server in this JVM on this sandbox. */
    InProcess inProcess(String removeWay) throws Exception {
        Path serverDir = Files.createDirectories(dir.resolve("server-" + removeWay));
        ServerConfig config = serverConfig(serverDir, removeWay);
        TestApp app = TestApp.start(serverDir, config.yaml(), false);
        return new InProcess(app, config, new DavClient(app.url("/")), endState);
    }

    /**
     * Runs the write once without faults, counting its calls: that is the "no fault" case of the row
     * (run now, asserted by the test added to {@code tests}) and the source of the row's steps.
     */
    List<Step> discover(DavClient dav, WritePath path, String row, List<DynamicTest> tests, Judge judge) {
        List<Step> steps = new ArrayList<>();
        MatrixReport.Outcome clean = record(path, row, FaultMatrixTest.NO_FAULT, "clean run", c -> {
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
    CaseResult runCase(InProcess server, WriteCase c, Runnable arm) throws InterruptedException {
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

    /** A case as a test of its own: run (now, when JUnit gets to it), recorded in the matrix, asserted. */
    DynamicTest test(WritePath path, String row, String column, String detail, CaseBody body, int writers) {
        return DynamicTest.dynamicTest(row + " × " + column + " [" + detail + "]",
                () -> assertPassed(record(path, row, column, detail, body, writers)));
    }

    private MatrixReport.Outcome record(WritePath path, String row, String column, String detail, CaseBody body, int writers) {
        if (!busy.compareAndSet(false, true)) {
            throw new IllegalStateException(row + " × " + column + " [" + detail + "] started while another case of its sandbox ran");
        }
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
            busy.set(false);
        }
        report.add(o);
        return o;
    }

    private static String name(MatrixReport.Outcome o) {
        return o.row() + " × " + o.column() + " [" + o.detail() + "]";
    }

    private static void assertPassed(MatrixReport.Outcome o) {
        assertTrue(o.passed(), name(o) + ": " + o.violations());
    }

    private static String summary(List<Integer> statuses) {
        if (statuses.size() <= 3) return statuses.toString();
        return statuses.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()))
                .toString();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        sandbox.close();
    }

    /** How a case's end state is judged on a given server. */
    interface Judge {
        CaseResult judge(WriteCase c, List<Integer> statuses) throws InterruptedException;
    }

    /** A case's body: seed, fault, write, judge. */
    interface CaseBody {
        CaseResult run(WriteCase c) throws Exception;
    }

    /** A server in this JVM, whose cleanup pass the test runs itself after each case. */
    record InProcess(TestApp app, ServerConfig config, DavClient dav, EndState endState) implements AutoCloseable {
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
}
