package org.alidav.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.alidav.dav.DavExtension;
import org.alidav.dav.MountSpec;
import org.alidav.dav.http.DownloadPolicy;
import org.alidav.dav.http.RangeRequest;
import org.alidav.dav.http.StreamDownload;

/**
 * Everything {@link DavServer#start} needs.
 *
 * @param host           the address to listen on ("127.0.0.1", "0.0.0.0", ...)
 * @param port           the port; 0 picks a free one ({@link DavServer#port()} tells which)
 * @param dataDir        where the dead-property store and the system-file shadow stores live
 * @param readOnly       refuse every write method for everyone
 * @param allowAnonymous requests without credentials are let in (as {@link Principal#ANONYMOUS})
 * @param authenticator  checks user names and passwords (Basic auth)
 * @param mounts         the storages and where they appear
 * @param downloads      how file GETs are answered
 * @param extensions     additions to the Milton wiring, such as lock support
 */
public record ServerSetup(String host, int port, Path dataDir, boolean readOnly, boolean allowAnonymous,
                          Authenticator authenticator, List<MountSpec> mounts, DownloadPolicy downloads,
                          List<DavExtension> extensions) {
    public ServerSetup {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(downloads, "downloads");
        mounts = List.copyOf(mounts);
        extensions = List.copyOf(extensions);
        if (mounts.isEmpty()) throw new IllegalArgumentException("nothing to serve: no mounts");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port);
    }

    /** A read-write setup streaming downloads, with no extensions. */
    public static ServerSetup of(String host, int port, Path dataDir, Authenticator authenticator, List<MountSpec> mounts) {
        return new ServerSetup(host, port, dataDir, false, false, authenticator, mounts, new StreamDownload(RangeRequest.DEFAULT_MAX_RANGES), List.of());
    }

    public ServerSetup withReadOnly(boolean value) {
        return new ServerSetup(host, port, dataDir, value, allowAnonymous, authenticator, mounts, downloads, extensions);
    }

    public ServerSetup withAllowAnonymous(boolean value) {
        return new ServerSetup(host, port, dataDir, readOnly, value, authenticator, mounts, downloads, extensions);
    }

    public ServerSetup withExtensions(List<DavExtension> value) {
        return new ServerSetup(host, port, dataDir, readOnly, allowAnonymous, authenticator, mounts, downloads, value);
    }
}
