package org.alidav.aliyun;

import java.time.Duration;
import okhttp3.OkHttpClient;

/** The OkHttp clients of one driver, all sharing one connection pool and sending our User-Agent. */
final class HttpClients {
    private HttpClients() {
    }

    /** The plain client: object storage reads and part uploads (no auth, no pacing). */
    static OkHttpClient base(String userAgent) {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(20))
                .readTimeout(Duration.ofSeconds(120))
                .writeTimeout(Duration.ofSeconds(120))
                .followRedirects(false)
                // OkHttp would silently resend a POST after a dropped connection; a create may have happened
                .retryOnConnectionFailure(false)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build()))
                .build();
    }

    /** The API client: bearer token and refresh outside, pacing and retries inside. */
    static OkHttpClient api(OkHttpClient base, AuthInterceptor auth, GovernorInterceptor governor) {
        return base.newBuilder().addInterceptor(auth).addInterceptor(governor).build();
    }
}
