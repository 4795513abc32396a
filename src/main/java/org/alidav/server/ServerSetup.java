package org.alidav.server;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.alidav.dav.DavExtension;
import org.alidav.dav.mount.MountSpec;
import org.alidav.server.login.LoginTarget;
import org.alidav.dav.download.Download;
import org.alidav.dav.http.RangeRequest;
import org.alidav.dav.download.StreamDownload;
import org.alidav.server.guard.ClientLimits;
import org.alidav.state.StateStore;

/**
 * Everything {@link DavServer#start} needs.
 *
 * @param host           the address to listen on ("127.0.0.1", "0.0.0.0", ...)
 * @param port           the port; 0 picks a free one ({@link DavServer#port()} tells which)
 * @param dataDir        where the system-file shadow stores live (and an earlier version's dead-property file)
 * @param state          the state database (dead properties); owned by the caller, who closes it after the server
 * @param readOnly       refuse every write method for everyone
 * @param allowAnonymous requests without credentials are let in (as {@link Principal#ANONYMOUS})
 * @param authenticator  checks user names and passwords (Basic auth)
 * @param mounts         the storages and where they appear
 * @param downloads      how file GETs are answered
 * @param extensions     additions to the Milton wiring, such as lock support
 * @param trustedProxies the TCP peers whose Forwarded / X-Forwarded-* headers are believed
 * @param limits         what one client may hold: data rates, connections, threads for bodies
 * @param logins         the storages the {@code /-/login} page can log in
 */
public record ServerSetup(String host, int port, Path dataDir, StateStore state, boolean readOnly, boolean allowAnonymous,
                          Authenticator authenticator, List<MountSpec> mounts, Download downloads,
                          List<DavExtension> extensions, Predicate<InetAddress> trustedProxies, ClientLimits limits,
                          List<LoginTarget> logins) {
    /** No proxy is trusted: forwarded headers are ignored. */
    public static final Predicate<InetAddress> NO_PROXIES = address -> false;

    public ServerSetup {
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(downloads, "downloads");
        mounts = List.copyOf(mounts);
        extensions = List.copyOf(extensions);
        logins = List.copyOf(logins);
        if (mounts.isEmpty()) throw new IllegalArgumentException("nothing to serve: no mounts");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port);
    }

    /** A setup with no trusted proxy and the {@linkplain ClientLimits#DEFAULTS default limits}. */
    public ServerSetup(String host, int port, Path dataDir, StateStore state, boolean readOnly, boolean allowAnonymous,
                       Authenticator authenticator, List<MountSpec> mounts, Download downloads, List<DavExtension> extensions) {
        this(host, port, dataDir, state, readOnly, allowAnonymous, authenticator, mounts, downloads, extensions, NO_PROXIES,
                ClientLimits.DEFAULTS, List.of());
    }

    /** A read-write setup streaming downloads, with no extensions and no trusted proxy. */
    public static ServerSetup of(String host, int port, Path dataDir, StateStore state, Authenticator authenticator, List<MountSpec> mounts) {
        return new ServerSetup(host, port, dataDir, state, false, false, authenticator, mounts, new StreamDownload(RangeRequest.DEFAULT_MAX_RANGES), List.of());
    }

    public ServerSetup withReadOnly(boolean value) {
        return new ServerSetup(host, port, dataDir, state, value, allowAnonymous, authenticator, mounts, downloads, extensions, trustedProxies, limits, logins);
    }

    public ServerSetup withAllowAnonymous(boolean value) {
        return new ServerSetup(host, port, dataDir, state, readOnly, value, authenticator, mounts, downloads, extensions, trustedProxies, limits, logins);
    }

    public ServerSetup withExtensions(List<DavExtension> value) {
        return new ServerSetup(host, port, dataDir, state, readOnly, allowAnonymous, authenticator, mounts, downloads, value, trustedProxies, limits, logins);
    }

    public ServerSetup withTrustedProxies(Predicate<InetAddress> value) {
        return new ServerSetup(host, port, dataDir, state, readOnly, allowAnonymous, authenticator, mounts, downloads, extensions, value, limits, logins);
    }

    public ServerSetup withLimits(ClientLimits value) {
        return new ServerSetup(host, port, dataDir, state, readOnly, allowAnonymous, authenticator, mounts, downloads, extensions,
                trustedProxies, value, logins);
    }

    public ServerSetup withLogins(List<LoginTarget> value) {
        return new ServerSetup(host, port, dataDir, state, readOnly, allowAnonymous, authenticator, mounts, downloads, extensions,
                trustedProxies, limits, value);
    }
}
