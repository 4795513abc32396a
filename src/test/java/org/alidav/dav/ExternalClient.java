package org.alidav.dav;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Runs a real client binary (litmus, rclone, ffmpeg) and collects its output. */
public final class ExternalClient {
    private ExternalClient() {
    }

    public record Result(int exitCode, String output) {
    }

    /**
     * Stops the test unless {@code binary} is on the PATH. On a developer's machine a missing client
     * skips the test and says so on the error stream; under {@code CI=true} (set by {@code .ci/run},
     * which installs every client) it fails, so a CI machine without it cannot pass unseen.
     */
    public static void require(String binary) {
        require(binary, System.getenv("CI"));
    }

    static void require(String binary, String ci) {
        if (installed(binary)) return;
        String missing = binary + " is not installed";
        if ("true".equalsIgnoreCase(ci)) {
            Assertions.fail(missing + ": under CI=true every client the tests drive must be there (.ci/run installs them)");
        }
        System.err.println("SKIPPED: " + missing + "; the tests that drive it did not run (CI=true makes this a failure)");
        Assumptions.abort(missing);
    }

    public static boolean installed(String binary) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, binary))) return true;
        }
        return false;
    }

    public static Result run(Path workDir, Map<String, String> env, long timeoutSeconds, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile(workDir, "client", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " timed out; output:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
