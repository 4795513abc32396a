package org.alidav.server;

import java.time.Clock;
import java.util.EnumSet;
import org.alidav.dav.DavService;
import org.alidav.server.guard.AddressConnectionCap;
import org.alidav.server.guard.BodyBulkhead;
import org.alidav.server.guard.ClientLimits;
import org.alidav.server.guard.SlowClientGuard;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The running WebDAV server: Jetty 12 with one servlet context holding the auth filter and the
 * bridge to Milton, behind the slow-client guards of {@link org.alidav.server.guard}. Start with
 * {@link #start}, stop with {@link #close}.
 */
public final class DavServer implements AutoCloseable {
    /** Request line plus headers; more is answered 431. Windows and Finder send well under 4 KiB. */
    static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;

    private final Server jetty;
    private final ServerConnector connector;
    private final DavService dav;
    private final java.util.List<org.alidav.dav.MountSpec> mounts;

    private DavServer(Server jetty, ServerConnector connector, DavService dav, java.util.List<org.alidav.dav.MountSpec> mounts) {
        this.jetty = jetty;
        this.connector = connector;
        this.dav = dav;
        this.mounts = mounts;
    }

    public static DavServer start(ServerSetup setup) throws Exception {
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
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(setup.host());
        connector.setPort(setup.port());
        if (limits.maxConnectionsPerAddress() > 0) connector.addBean(new AddressConnectionCap(limits.maxConnectionsPerAddress(), setup.trustedProxies()));
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        // signed download links bypass WebDAV authentication: their filter comes first and answers alone
        setup.downloads().signedRoute().ifPresent(route -> context.addFilter(
                new FilterHolder(new org.alidav.dav.sign.SignedDownloadFilter(route, dav.resourceFactory())),
                route.prefix() + "/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
        context.addFilter(new FilterHolder(new AuthFilter(setup.authenticator(), setup.allowAnonymous(), setup.readOnly(),
                        new LoginThrottle(Clock.systemUTC()), dav.anonymousOptions())),
                "/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("dav", new DavServlet(dav.httpManager(), dav.requestChecks(),
                new org.alidav.dav.http.ChecksumRecalculation(dav.resourceFactory()))), "/*");
        // /-/health, /-/metrics, /-/cache/drop: open without users, else admin users only
        ServerMetrics metrics = new ServerMetrics(setup.mounts());
        context.addServlet(new ServletHolder("ops", new OpsServlet(setup.mounts(), metrics, setup.authenticator() == Authenticator.ANYONE)),
                OpsServlet.PREFIX + "/*");
        context.setErrorHandler(new PlainErrorHandler());
        jetty.setErrorHandler(new PlainErrorHandler());
        // the rate guard sees every byte, including a 503 of the bulkhead; the bulkhead keeps threads for body-less requests
        jetty.setHandler(new SlowClientGuard(limits, new BodyBulkhead(limits.uploadThreads(), context)));
        jetty.setRequestLog(new AccessLog(metrics.requests()));
        jetty.setStopTimeout(5_000);
        try {
            jetty.start();
        } catch (Exception e) {
            dav.close();
            jetty.stop();
            throw e;
        }
        return new DavServer(jetty, connector, dav, setup.mounts());
    }

    /** Forgets cached listings at and below a WebDAV path ("/" = everything); answers how many. */
    public int dropCaches(String davPath) {
        return OpsServlet.drop(mounts, davPath);
    }

    /** The port actually listened on. */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
        } finally {
            dav.close();
        }
    }
}
