package org.alidav.dav.lock.testserver;

import io.milton.config.HttpManagerBuilder;
import io.milton.http.HttpManager;
import java.time.Clock;
import org.alidav.dav.lock.LockManager;
import org.alidav.dav.lock.LockSupport;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** TEST ONLY: Jetty 12 + Milton CE + the lock layer over an in-memory store, on a free local port. */
public final class TestServer implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final MemoryStore store;
    private final LockManager locks;

    public TestServer(Clock clock, LockManager locks) throws Exception {
        this.store = new MemoryStore(clock);
        this.locks = locks;
        HttpManagerBuilder builder = new HttpManagerBuilder();
        builder.setEnableFormAuth(false);
        builder.setEnableCookieAuth(false);
        builder.setEnabledJson(false);
        builder.setEnableDigestAuth(false);
        builder.setEnableCompression(false);
        MemoryResources resources = new MemoryResources(store, builder.geteTagGenerator(), locks);
        builder.setMainResourceFactory(resources);
        LockSupport.install(builder, locks, resources, LockSupport::userOf);
        HttpManager manager = builder.buildHttpManager();

        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder("dav", new TestDavServlet(manager)), "/*");
        server.setHandler(context);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + connector.getLocalPort() + path;
    }

    public MemoryStore store() {
        return store;
    }

    public LockManager locks() {
        return locks;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
