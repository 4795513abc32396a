package org.alidav.server.tls;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The TLS side of the connector: Jetty's context factory over the identity read from a
 * {@link TlsSource}, swapped in place when the files are renewed. Jetty's reload builds a new
 * {@code SSLContext} for new handshakes; connections already open keep theirs, so nothing is dropped.
 */
public final class TlsEndpoint implements AutoCloseable {
    private final SslContextFactory.Server context;
    private final CertificateWatcher watcher;
    private volatile PemIdentity identity;

    private TlsEndpoint(SslContextFactory.Server context, PemIdentity identity, TlsSource source) {
        this.context = context;
        this.identity = identity;
        this.watcher = new CertificateWatcher(source, this::use);
    }

    /** Reads the files now: a file that cannot be used throws {@link TlsFileException} before the port opens. */
    public static TlsEndpoint open(TlsSource source) {
        PemIdentity identity = PemIdentityReader.read(source.cert(), source.key());
        SslContextFactory.Server context = new SslContextFactory.Server();
        configure(context, identity);
        return new TlsEndpoint(context, identity, source);
    }

    private static void configure(SslContextFactory factory, PemIdentity identity) {
        factory.setKeyStore(identity.keyStore());
        factory.setKeyStorePassword(identity.password());
        factory.setKeyManagerPassword(identity.password());
    }

    private void use(PemIdentity renewed) {
        try {
            context.reload(factory -> configure(factory, renewed));
            identity = renewed;
        } catch (Exception e) {
            throw new TlsFileException("the TLS engine refused the renewed certificate: " + e.getMessage());
        }
    }

    /**
     * TLS, then HTTP/1.1 with {@code http}; the host a client asked for need not be named in the
     * certificate (a self-signed one reached by an address it does not list is the user's choice).
     */
    public ConnectionFactory[] connectionFactories(HttpConfiguration http) {
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        return new ConnectionFactory[] {new SslConnectionFactory(context, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(http)};
    }

    /** The certificate served now. */
    public PemIdentity identity() {
        return identity;
    }

    @Override
    public void close() {
        watcher.close();
    }
}
