package org.alidav.aliyun;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/** The OkHttp clients of one driver, all sharing one connection pool and sending our User-Agent. */
final class HttpClients {
    /**
     * How long an idle connection stays pooled: below the 60 s after which the object storage closes
     * idle connections (OkHttp's own default is 5 minutes), as messense's client does.
     */
    static final Duration POOL_IDLE = Duration.ofSeconds(50);
    private static final int POOL_IDLE_CONNECTIONS = 5;

    private HttpClients() {
    }

    /**
     * The plain client: object storage part uploads and token refreshes (no auth, no pacing). A call
     * that meets a pooled connection the server has closed is sent again ({@link ClosedConnectionCheck},
     * {@link ClosedConnectionRetry}); any other connection failure is the caller's to judge.
     */
    static OkHttpClient base(String userAgent) {
        ConnectionPool pool = new ConnectionPool(POOL_IDLE_CONNECTIONS, POOL_IDLE.toMillis(), TimeUnit.MILLISECONDS);
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(20))
                .readTimeout(Duration.ofSeconds(120))
                .writeTimeout(Duration.ofSeconds(120))
                .followRedirects(false)
                .connectionPool(pool)
                // OkHttp would silently resend a POST after a dropped connection; a create may have happened
                .retryOnConnectionFailure(false)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build()))
                .addInterceptor(new ClosedConnectionRetry(pool))
                .addNetworkInterceptor(new ClosedConnectionCheck())
                .build();
    }

    /**
     * The API client: bearer token and refresh outside, pacing and retries inside, and innermost the
     * resend of a call that met a closed pooled connection (never sent, so not paced or counted again).
     */
    static OkHttpClient api(OkHttpClient base, AuthInterceptor auth, GovernorInterceptor governor) {
        OkHttpClient.Builder builder = base.newBuilder();
        List<Interceptor> interceptors = builder.interceptors();
        interceptors.addAll(interceptors.size() - 1, List.of(auth, governor)); // the base's last one is the resend
        return builder.build();
    }
}
