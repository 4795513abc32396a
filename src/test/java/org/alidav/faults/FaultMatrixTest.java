package org.alidav.faults;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.alidav.EndToEnd;
import org.alidav.LongRunning;
import org.alidav.faults.MatrixBench.InProcess;
import org.alidav.faults.MatrixBench.Judge;
import org.alidav.sandbox.Fault;
import org.alidav.sandbox.Stall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

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
 *
 * <p>Faults are injected sandbox-wide, so the matrix comes in four parts (the nested classes), each
 * with a sandbox and a server of its own ({@link MatrixBench}): the parts run side by side, the cases
 * of one part one after another ({@link PartCases}).
 */
@EndToEnd
@LongRunning
class FaultMatrixTest {
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
    private static final List<String> REMOVE_WAYS = List.of("trash", "delete");

    @TempDir
    static Path dir;
    private static MatrixReport report;
    /** Every part's sandbox, closed once every part is done. */
    private static final Queue<MatrixBench> benches = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void startReport() {
        List<String> columns = new ArrayList<>(List.of(NO_FAULT, LOST, GATEWAY, GATEWAY_APPLIED, EMPTY, STORM_429, IDLE_CLOSED, KILL));
        WRITERS.forEach(n -> columns.add(writers(n)));
        List<String> rows = new ArrayList<>();
        REMOVE_WAYS.forEach(way -> paths(way).forEach(path -> rows.add(row(path, way))));
        report = new MatrixReport(rows, columns);
    }

    /** A part of the matrix: it runs beside the others. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Nested
    @Execution(ExecutionMode.CONCURRENT)
    @interface Part {
    }

    /**
     * A part's cases: one after another, for they share the part's sandbox. Dynamic tests run in
     * their factory's execution mode, which would otherwise be the part's {@code CONCURRENT} (and
     * {@link MatrixBench} would fail the second case to start while another runs).
     */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @TestFactory
    @Execution(ExecutionMode.SAME_THREAD)
    @interface PartCases {
    }

    /** After every part: the parts record into one report, published once. */
    @AfterAll
    static void publish() {
        report.publish(Path.of("target", "fault-matrix.md"));
        benches.forEach(MatrixBench::close);
    }

    @Part
    class WithTrash {
        @PartCases
        Stream<DynamicTest> faultAtEachStepWithTrash() throws Exception {
            return faultAtEachStep("trash");
        }
    }

    @Part
    class WithDelete {
        @PartCases
        Stream<DynamicTest> faultAtEachStepWithDelete() throws Exception {
            return faultAtEachStep("delete");
        }
    }

    @Part
    class ConcurrentWriters {
        @PartCases
        Stream<DynamicTest> concurrentWriters() throws Exception {
            MatrixBench bench = bench("writers");
            InProcess server = bench.inProcess("trash");
            List<DynamicTest> tests = new ArrayList<>();
            for (WritePath path : WritePath.values()) {
                for (int n : WRITERS) {
                    if (n == 10 && path != WritePath.PUT_NEW) continue; // the "10 PUTs to a new name"
                    tests.add(bench.test(path, row(path, "trash"), writers(n), n + " at once",
                            c -> bench.runCase(server, c, () -> { }), n));
                }
            }
            return tests.stream().onClose(server::close);
        }
    }

    @Part
    class KillAtEachStep {
        /**
         * The replaces ({@link FaultMatrixTest#KILLED}) with the server killed at each of their steps: the step's
         * call is held by the sandbox, the server's JVM gets SIGKILL, the held call is then let through
         * (so the service applied the step, and no one heard the answer), and a new server starts on
         * the same data_dir. One JVM per case; each restarted server serves the next case.
         */
        @PartCases
        Stream<DynamicTest> killAtEachStepOfAReplace() throws Exception {
            MatrixBench bench = bench("kill");
            Path killDir = Files.createDirectories(dir.resolve("kill").resolve("server"));
            ServerConfig config = bench.serverConfig(killDir, "trash").withMaintenanceInterval(CHILD_MAINTENANCE);
            Judge settled = (c, statuses) -> bench.endState().settled(c, statuses, config.spoolDir(), SETTLE, SETTLE_POLL);
            ServerProcess server = ServerProcess.start(config, killDir);
            List<DynamicTest> tests = new ArrayList<>();
            for (WritePath path : KILLED) {
                String row = row(path, "trash");
                for (Step step : bench.discover(server.dav(), path, row, tests, settled)) {
                    tests.add(bench.test(path, row, KILL, step.toString(), c -> killAt(bench, step, c, server, settled), 1));
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
    }

    /** Holds the write at {@code step}, kills the server, lets the step through, restarts and judges. */
    private static CaseResult killAt(MatrixBench bench, Step step, WriteCase c, ServerProcess server, Judge judge)
            throws Exception {
        DavClient dav = server.dav();
        c.seed(dav);
        Stall stall = bench.faults().inject(Fault.stall(step.endpoint()).skipping(step.index())).stall();
        CompletableFuture<List<Integer>> write = CompletableFuture.supplyAsync(() -> c.run(dav, bench.pool()), bench.pool());
        boolean reached = stall.awaitReached(STEP_REACHED);
        server.kill();
        stall.release();
        List<Integer> statuses = write.join();
        bench.faults().clear();
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
    private static Stream<DynamicTest> faultAtEachStep(String removeWay) throws Exception {
        MatrixBench bench = bench(removeWay);
        InProcess server = bench.inProcess(removeWay);
        List<DynamicTest> tests = new ArrayList<>();
        for (WritePath path : paths(removeWay)) {
            String row = row(path, removeWay);
            List<Step> steps = bench.discover(server.dav(), path, row, tests, server::judgeAfterCleanup);
            for (Step step : steps) {
                tests.add(bench.test(path, row, LOST, step.toString(), c -> bench.runCase(server, c,
                        () -> bench.faults().inject(Fault.drop(step.endpoint()).after().skipping(step.index()))), 1));
            }
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                int status = GATEWAY_STATUSES[i % GATEWAY_STATUSES.length];
                tests.add(bench.test(path, row, GATEWAY, step + " → " + status, c -> bench.runCase(server, c,
                        () -> bench.faults().inject(Fault.html(step.endpoint(), status).skipping(step.index()))), 1));
            }
            for (Step step : steps) {
                tests.add(bench.test(path, row, GATEWAY_APPLIED, step.toString(), c -> bench.runCase(server, c,
                        () -> bench.faults().inject(Fault.html(step.endpoint(), 504).after().skipping(step.index()))), 1));
            }
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (!step.isApi()) continue; // a part upload's success has no body anyway
                Fault empty = i % 2 == 0 ? Fault.emptyBody(step.endpoint()) : Fault.emptyObject(step.endpoint());
                tests.add(bench.test(path, row, EMPTY, step + (i % 2 == 0 ? " → no body" : " → {}"), c -> bench.runCase(server, c,
                        () -> bench.faults().inject(empty.skipping(step.index()))), 1));
            }
            tests.add(bench.test(path, row, IDLE_CLOSED, "just before the write", c -> bench.runCase(server, c,
                    () -> bench.faults().closeIdleConnections()), 1));
            tests.add(bench.test(path, row, STORM_429, "every API call for " + STORM.toMillis() + " ms", c -> bench.runCase(server, c,
                    () -> bench.faults().inject(Fault.tooManyRequests(Fault.ANY_API, STORM_RETRY_AFTER_MILLIS).lasting(STORM))), 1));
        }
        return tests.stream().onClose(server::close);
    }

    /** A part's own sandbox, under a folder of its own. */
    private static MatrixBench bench(String part) throws IOException {
        MatrixBench bench = MatrixBench.start(Files.createDirectories(dir.resolve(part)), report);
        benches.add(bench);
        return bench;
    }

    /** The write paths the matrix covers with {@code removeWay}. */
    private static List<WritePath> paths(String removeWay) {
        return Stream.of(WritePath.values())
                .filter(path -> !(path == WritePath.PUT_NEW && removeWay.equals("delete"))) // removes nothing: same as with trash
                .toList();
    }

    private static String row(WritePath path, String removeWay) {
        return path.label + " (" + removeWay + ")";
    }

    private static String writers(int n) {
        return n + " writers";
    }
}
