package org.alidav.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Apache httpd with mod_dav and mod_dav_fs serving a local folder on a free loopback port, for comparison
 * rows. It runs in the foreground with a generated configuration of its own (never the system service);
 * started as root it serves as www-data, so the folder and the lock database are opened up to it.
 */
final class ApacheDav {
    private static final String MODULES = "/usr/lib/apache2/modules/";

    private ApacheDav() {
    }

    static DavPeer start(Path folder, Path work) throws Exception {
        int port = DavPeer.freePort();
        Path root = Files.createDirectories(work.resolve("apache"));
        Path lock = Files.createDirectories(root.resolve("lock"));
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        if (asRoot) {
            for (Path p = folder; p != null && p.startsWith(work.getParent()) && !p.equals(work.getParent()); p = p.getParent()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        String conf = "ServerRoot " + root + "\nPidFile " + root.resolve("httpd.pid") + "\nErrorLog " + root.resolve("error.log") + "\n"
                + "LogLevel warn\nListen 127.0.0.1:" + port + "\nServerName 127.0.0.1\n"
                + "LoadModule mpm_event_module " + MODULES + "mod_mpm_event.so\n"
                + "LoadModule authz_core_module " + MODULES + "mod_authz_core.so\n"
                + "LoadModule dav_module " + MODULES + "mod_dav.so\n"
                + "LoadModule dav_fs_module " + MODULES + "mod_dav_fs.so\n"
                + (asRoot ? "User www-data\nGroup www-data\n" : "")
                + "DavLockDB " + lock.resolve("davlock") + "\nDocumentRoot " + folder + "\n"
                + "<Directory " + folder + ">\n  Dav On\n  Require all granted\n</Directory>\n";
        Path confFile = root.resolve("httpd.conf");
        Files.writeString(confFile, conf);
        Process p = new ProcessBuilder("/usr/sbin/apache2", "-f", confFile.toString(), "-D", "FOREGROUND")
                .redirectErrorStream(true).redirectOutput(root.resolve("stdout.log").toFile()).start();
        String url = "http://127.0.0.1:" + port;
        return DavPeer.awaitAnswer(p, url, "apache2 (see " + root.resolve("error.log") + ")");
    }
}
