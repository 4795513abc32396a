package org.alidav.packaging;

import org.alidav.EndToEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.alidav.LongRunning;
import org.alidav.dav.ExternalClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * What can be checked of the packaging without a container engine or a systemd host: the unit passes
 * {@code systemd-analyze verify}, the Dockerfile copies what the build has, the launcher, container
 * and unit all run the JVM with packaging/jvm.options, and those flags are accepted by the JVM and the
 * server; the launcher finds its jar in a checkout and in the release archive and passes arguments on,
 * and records and maps the class-data archive.
 */
@EndToEnd
// Each test works in a folder of its own on a free port; most of the time is JVM starts, so they run side by side.
@Execution(ExecutionMode.CONCURRENT)
@LongRunning
class PackagingTest {
    private static final Path OPTIONS = Path.of("packaging", "jvm.options");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void theSystemdUnitVerifiesAndIsHardened() throws Exception {
        Path unit = Path.of("packaging", "alidav.service");
        String text = Files.readString(unit);
        for (String line : List.of("DynamicUser=yes", "StateDirectory=alidav", "ProtectSystem=strict", "NoNewPrivileges=yes",
                "ProtectHome=yes", "PrivateTmp=yes", "CapabilityBoundingSet=", "CacheDirectory=alidav",
                "Environment=ALIDAV_CDS_ARCHIVE=/var/cache/alidav/alidav.jsa", "ExecStart=/bin/sh /opt/alidav/bin/alidav")) {
            assertTrue(text.lines().anyMatch(l -> l.equals(line)), line);
        }
        ExternalClient.require("systemd-analyze");
        ExternalClient.Result r = ExternalClient.run(dir, Map.of(), 60, List.of("systemd-analyze", "verify", unit.toAbsolutePath().toString()));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(List.of(), r.output().lines().filter(l -> l.contains("alidav.service")).toList(), "no complaint about the unit");
    }

    @Test
    void theDockerfileCopiesWhatTheBuildHasAndRunsTheShippedFlags() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("Dockerfile"));
        Pattern copy = Pattern.compile("COPY (--from=build )?(\\S+) (\\S+)");
        String shaded = "/src/target/" + shadedJarName(); // the build stage works in /src, as the checkout root
        int copies = 0;
        for (String line : lines) {
            Matcher m = copy.matcher(line);
            if (!m.matches()) continue;
            copies++;
            if (m.group(1) != null) {
                assertEquals(shaded, m.group(2), "the build stage's artifact is the shade plugin's jar");
            } else {
                assertTrue(Files.exists(Path.of(m.group(2))), "COPY source " + m.group(2) + " missing from the build context");
            }
        }
        assertTrue(copies >= 6, "COPY lines found: " + copies);
        assertTrue(lines.contains("ENTRYPOINT [\"java\", \"@/opt/alidav/packaging/jvm.options\", \"-XX:SharedArchiveFile=/opt/alidav/alidav.jsa\","
                + " \"-jar\", \"/opt/alidav/alidav.jar\"]"));
        assertTrue(lines.contains("RUN java @/opt/alidav/packaging/jvm.options -XX:ArchiveClassesAtExit=/opt/alidav/alidav.jsa"
                + " -jar /opt/alidav/alidav.jar self-test"), "the image records the archive its entry point maps");
        assertTrue(lines.contains("COPY packaging/jvm.options packaging/jvm.options"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("RUN mvn -B -q package -DskipTests")), "the README's build command");
        assertTrue(Files.readString(Path.of("README.md")).contains("mvn -B -q package -DskipTests"));
        for (String expected : List.of("USER alidav", "VOLUME /data", "EXPOSE 8080")) assertTrue(lines.contains(expected), expected);
        assertTrue(lines.stream().anyMatch(l -> l.contains("/-/health")), "HEALTHCHECK on /-/health");
    }

    /** The flags of the image, the unit and the launcher, on this JVM with the server's own classes. */
    @Test
    void theShippedFlagsAreAcceptedByTheJvmAndTheServer() throws Exception {
        Process p = new ProcessBuilder(JAVA, "@" + OPTIONS, "-cp", System.getProperty("java.class.path"), "org.alidav.Main", "--help")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("--sandbox"), out);
        String launcher = Files.readString(Path.of("bin", "alidav"));
        assertTrue(launcher.contains("options=\"$here/packaging/jvm.options\"") && launcher.contains("exec \"$java\" \"@$options\""),
                "the launcher reads the same file");
    }

    @Test
    void theLauncherFindsTheJarInTheReleaseLayoutAndPassesArgumentsOn() throws Exception {
        Path release = layout(dir.resolve("release"), "alidav.jar");
        ExternalClient.Result r = ExternalClient.run(dir, Map.of(), 60, List.of(release.resolve("bin/alidav").toString(), "--version"));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().startsWith("alidav "), r.output());
    }

    /** The README's promise: {@code bin/alidav --sandbox} in a checkout serves. */
    @Test
    void theLauncherRunsTheSandboxFromACheckout() throws Exception {
        Path checkout = layout(dir.resolve("checkout"), "target/alidav.jar");
        ProcessBuilder b = new ProcessBuilder(checkout.resolve("bin/alidav").toString(), "--sandbox", "--port", "0", "--data-dir", dir.resolve("data").toString())
                .directory(dir.toFile()).redirectErrorStream(true);
        b.environment().put("ALIDAV_CDS_ARCHIVE", "off"); // the test jar names class folders, which an archive cannot hold
        Process p = b.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            for (String line; (line = out.readLine()) != null && !line.contains("serving WebDAV at http://127.0.0.1:"); ) seen.append(line).append('\n');
            assertTrue(p.isAlive(), "the sandbox server stopped:\n" + seen);
        } finally {
            p.toHandle().destroy(); // the launcher exec'd java: this is the server's pid
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    /**
     * The class-data archive: recorded by the first server start (not by --version), mapped by the next
     * (Main comes from the archive), recorded again once the jar is newer; a stale archive given to the JVM
     * directly is skipped without a word. Needs the shaded jar: failsafe runs after the package phase.
     */
    @Test
    void theLauncherRecordsTheClassDataArchiveOnceAndMapsItAfter() throws Exception {
        Path release = releaseWithTheShadedJar();
        Path jar = release.resolve("alidav.jar");
        Path archive = dir.resolve("cache/alidav.jsa");
        Map<String, String> env = Map.of("ALIDAV_CDS_ARCHIVE", archive.toString());

        ExternalClient.Result version = ExternalClient.run(dir, env, 60, List.of(release.resolve("bin/alidav").toString(), "--version"));
        assertEquals(0, version.exitCode(), version.output());
        assertTrue(Files.notExists(archive), "--version records nothing");

        String first = serveUntilReady(release, env);
        assertTrue(Files.size(archive) > 0, "recorded before the first start:\n" + first);
        assertTrue(first.lines().noneMatch(l -> l.contains("cds") || l.contains("archive")), first);
        java.nio.file.attribute.FileTime recorded = Files.getLastModifiedTime(archive);

        Path classes = dir.resolve("classes.log");
        String second = serveUntilReady(release, Map.of("ALIDAV_CDS_ARCHIVE", archive.toString(),
                "ALIDAV_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes));
        assertEquals(recorded, Files.getLastModifiedTime(archive), "a fresh archive is kept:\n" + second);
        assertTrue(Files.readAllLines(classes).stream().anyMatch(l -> l.contains("org.alidav.Main source: shared objects file (top)")),
                "the server's classes come from the archive");

        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(recorded.toMillis() + 2000));
        Process stale = new ProcessBuilder(JAVA, "@" + OPTIONS, "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString(), "--version")
                .redirectErrorStream(true).start();
        String said = new String(stale.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(stale.waitFor(60, TimeUnit.SECONDS));
        assertTrue(said.startsWith("alidav ") && said.lines().count() == 1, "no warning about the stale archive: " + said);
    }

    /**
     * An archive older than the jar (an upgrade) is recorded again before the server starts. The old
     * archive here is not even one: had the launcher mapped it, the JVM would have said so.
     */
    @Test
    void anArchiveOlderThanTheJarIsRecordedAgain() throws Exception {
        Path release = releaseWithTheShadedJar();
        Path archive = Files.createDirectories(dir.resolve("cache")).resolve("alidav.jsa");
        byte[] old = "an archive recorded for an earlier jar".getBytes(StandardCharsets.US_ASCII);
        Files.write(archive, old);
        java.nio.file.attribute.FileTime jarTime = Files.getLastModifiedTime(release.resolve("alidav.jar"));
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(jarTime.toMillis() - 60_000));
        String started = serveUntilReady(release, Map.of("ALIDAV_CDS_ARCHIVE", archive.toString()));
        assertTrue(Files.getLastModifiedTime(archive).compareTo(jarTime) > 0, "recorded again for the new jar:\n" + started);
        assertTrue(Files.size(archive) > old.length, "a real archive replaced the old one");
        assertTrue(started.lines().noneMatch(l -> l.contains("cds") || l.contains("archive")), started);
    }

    /** A JVM that cannot record (no base archive: -Xshare:off) is told once, the server starts anyway, and later starts do not retry. */
    @Test
    void aFailedRecordingIsReportedOnceAndNotRetriedAtEveryStart() throws Exception {
        Path release = releaseWithTheShadedJar();
        Path archive = dir.resolve("cache/alidav.jsa");
        Map<String, String> env = Map.of("ALIDAV_CDS_ARCHIVE", archive.toString(), "ALIDAV_JAVA_OPTS", "-Xshare:off");
        String first = serveUntilReady(release, env);
        assertTrue(first.startsWith("alidav: no class-data archive at " + archive), first);
        assertTrue(Files.exists(dir.resolve("cache/alidav.jsa.failed")) && Files.notExists(archive), first);
        String second = serveUntilReady(release, env);
        assertTrue(second.lines().noneMatch(l -> l.startsWith("alidav: no class-data archive")), "no second attempt, no second warning:\n" + second);
    }

    /** bin/, packaging/ and the shaded jar as the release archive lays them out. */
    private Path releaseWithTheShadedJar() throws Exception {
        Path shaded = Path.of("target", "alidav.jar");
        assertTrue(Files.exists(shaded), "target/alidav.jar: run the end-to-end tests with mvn verify");
        Path release = dir.resolve("release");
        Files.createDirectories(release.resolve("bin"));
        Files.createDirectories(release.resolve("packaging"));
        Files.copy(Path.of("bin", "alidav"), release.resolve("bin/alidav"));
        Files.copy(OPTIONS, release.resolve("packaging/jvm.options"));
        Files.copy(shaded, release.resolve("alidav.jar"));
        Files.createDirectories(dir.resolve("files"));
        return release;
    }

    /** Starts the release's launcher on a free port over dir/files, reads its output until it serves, stops it. */
    private String serveUntilReady(Path release, Map<String, String> env) throws Exception {
        ProcessBuilder b = new ProcessBuilder(release.resolve("bin/alidav").toString(), "--port", "0", "--data-dir", dir.resolve("data").toString())
                .directory(dir.toFile()).redirectErrorStream(true);
        Path config = Files.writeString(dir.resolve("alidav.yaml"), "storages: [{mount: /, driver: local, root: files}]\n");
        b.environment().put("ALIDAV_CONFIG", config.toString());
        b.environment().putAll(env);
        Process p = b.start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                if (line.contains("serving WebDAV at http://127.0.0.1:")) break;
            }
            assertTrue(p.isAlive(), "the server stopped:\n" + seen);
        } finally {
            p.toHandle().destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        }
        return seen.toString();
    }

    /**
     * bin/ and packaging/ as shipped, with a small jar at {@code jarPath} that runs the server's Main from
     * the test classpath (the shaded jar exists only after the package phase, which runs after the tests).
     */
    private static Path layout(Path root, String jarPath) throws Exception {
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("packaging"));
        Files.copy(Path.of("bin", "alidav"), root.resolve("bin/alidav"));
        Files.copy(OPTIONS, root.resolve("packaging/jvm.options"));
        Path jar = root.resolve(jarPath);
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.alidav.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPathUrls());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return root;
    }

    private static String classPathUrls() {
        List<String> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
        }
        return urls.stream().collect(Collectors.joining(" "));
    }

    private static String shadedJarName() throws Exception {
        Matcher m = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "the shade plugin's finalName");
        return m.group(1) + ".jar";
    }
}
