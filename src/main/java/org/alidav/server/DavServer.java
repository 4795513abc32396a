package org.alidav.server;

import java.net.BindException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.alidav.dav.DavService;
import org.alidav.server.guard.AddressConnectionCap;
import org.alidav.server.guard.BodyBulkhead;
import org.alidav.server.guard.ClientLimits;
import org.alidav.server.guard.SlowClientGuard;
import org.alidav.server.tls.PemIdentity;
import org.alidav.server.tls.TlsEndpoint;
import org.alidav.server.tls.TlsSource;
import org.alidav.server.login.LoginPage;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running WebDAV server: Jetty 12 with one servlet context holding the auth filter and the
 * bridge to Milton, behind the slow-client guards of {@link org.alidav.server.guard}. Start with
 * {@link #start}, stop with {@link #close}.
 */
public final class DavServer implements AutoCloseable {
    /** Request line plus headers; more is answered 431. Windows and Finder send well under 4 KiB. */
    static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;
    /** How long a stop waits for running requests; Jetty answers a longer wait with a TimeoutException. */
    static final long STOP_TIMEOUT_MILLIS = 5_000;
    private static final Logger log = LoggerFactory.getLogger(DavServer.class);

    private final Server jetty;
    private final ServerConnector connector;
    private final DavService dav;
    private final java.util.List<org.alidav.dav.mount.MountSpec> mounts;
    private final Optional<TlsEndpoint> tls;
    private final LoginPage logins;

    private DavServer(Server jetty, ServerConnector connector, DavService dav, java.util.List<org.alidav.dav.mount.MountSpec> mounts,
                      Optional<TlsEndpoint> tls, LoginPage logins) {
        this.jetty = jetty;
        this.connector = connector;
        this.dav = dav;
        this.mounts = mounts;
        this.tls = tls;
        this.logins = logins;
    }

    /** Plain HTTP. */
    public static DavServer start(ServerSetup setup) throws Exception {
        return start(setup, Optional.empty());
    }

    /**
     * HTTPS when {@code tls} is given: the certificate files are read before the port opens
     * ({@link org.alidav.server.tls.TlsFileException}) and watched for renewals while it serves.
     *
     * @throws PortInUseException when another process listens on the port
     */
    public static DavServer start(ServerSetup setup, Optional<TlsSource> tlsSource) throws Exception {
        Optional<TlsEndpoint> tls = tlsSource.map(TlsEndpoint::open);
        try {
            return startWith(setup, tls);
        } catch (Exception | Error e) {
            tls.ifPresent(TlsEndpoint::close);
            throw e;
        }
    }

    private static DavServer startWith(ServerSetup setup, Optional<TlsEndpoint> tls) throws Exception {
        DavService dav = DavService.create(setup.mounts(), setup.dataDir(), setup.state(), setup.downloads(), setup.extensions());
        ClientLimits limits = setup.limits();
        QueuedThreadPool threads = new QueuedThreadPool(ClientLimits.SERVER_THREADS, 8);
        threads.setName("dav");
        Server jetty = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
        // 100%.txt is %25 and a\b is %5C: Jetty refuses both by default; names are validated by the resource factory
        http.setUriCompliance(UriCompliance.DEFAULT.with("WEBDAV",
                UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING, UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS));
        // behind a trusted reverse proxy, hrefs in PROPFIND answers carry the client's scheme and host
        http.addCustomizer(new ForwardedHeaders(setup.trustedProxies()));
        ServerConnector connector = tls.isPresent()
                ? new ServerConnector(jetty, tls.get().connectionFactories(http))
                : new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(setup.host());
        connector.setPort(setup.port());
        if (limits.maxConnectionsPerAddress() > 0) connector.addBean(new AddressConnectionCap(limits.maxConnectionsPerAddress(), setup.trustedProxies()));
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        // first: a refusal from any filter or servlet behind it reaches a client still sending its body
        context.addFilter(new FilterHolder(new LingeringClose()), "/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        // signed download links bypass WebDAV authentication: their filter comes first and answers alone
        setup.downloads().signedRoute().ifPresent(route -> context.addFilter(
                new FilterHolder(new org.alidav.dav.sign.SignedDownloadFilter(route, dav.resourceFactory())),
                route.prefix() + "/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
        context.addFilter(new FilterHolder(new AuthFilter(setup.authenticator(), setup.allowAnonymous(), setup.readOnly(),
                        new LoginThrottle(Clock.systemUTC()), dav.anonymousOptions())),
                "/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("dav", new DavServlet(dav.httpManager(), dav.requestChecks(),
                new org.alidav.dav.upload.ChecksumRecalculation(dav.resourceFactory()))), "/*");
        // /-/health, /-/metrics, /-/cache/drop, /-/login: open without users, else admin users only
        ServerMetrics metrics = new ServerMetrics(setup.mounts());
        LoginPage logins = new LoginPage(setup.logins());
        context.addServlet(new ServletHolder("ops", new OpsServlet(setup.mounts(), metrics, setup.authenticator() == Authenticator.ANYONE, logins)),
                OpsServlet.PREFIX + "/*");
        context.setErrorHandler(new PlainErrorHandler());
        jetty.setErrorHandler(new PlainErrorHandler());
        // the rate guard sees every byte, including a 503 of the bulkhead; the bulkhead keeps threads for body-less requests
        // a stop lets running requests end for STOP_TIMEOUT_MILLIS, and waits for their handlers to unwind after
        jetty.setHandler(new GracefulHandler(new SlowClientGuard(limits, new BodyBulkhead(limits.uploadThreads(), context))));
        jetty.setRequestLog(new AccessLog(metrics.requests()));
        jetty.setStopTimeout(STOP_TIMEOUT_MILLIS);
        try {
            jetty.start();
        } catch (Exception e) {
            dav.close();
            logins.close();
            jetty.stop();
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) throw new PortInUseException(setup.host(), setup.port());
            }
            throw e;
        }
        return new DavServer(jetty, connector, dav, setup.mounts(), tls, logins);
    }

    /** Forgets cached listings at and below a WebDAV path ("/" = everything); answers how many. */
    public int dropCaches(String davPath) {
        return OpsServlet.drop(mounts, davPath);
    }

    /** The certificate served, when the port speaks HTTPS. */
    public Optional<PemIdentity> certificate() {
        return tls.map(TlsEndpoint::identity);
    }

    /** The port actually listened on. */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * Stops taking connections, gives running requests {@link #STOP_TIMEOUT_MILLIS} to end, then closes
     * what is left (an upload cut off so is logged by its handler as a shutdown).
     */
    @Override
    public void close() throws Exception {
        try {
            logins.close();
            jetty.stop();
        } catch (TimeoutException e) {
            log.info("stopped: requests still running after {} ms were cut off", STOP_TIMEOUT_MILLIS);
        } finally {
            tls.ifPresent(TlsEndpoint::close);
            dav.close();
        }
    }
}
