package org.alidav.aliyun;

import java.io.IOException;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends a call again when it met a pooled connection the server had closed
 * ({@link ClosedConnectionCheck.ClosedBeforeSending}): nothing was sent, so this is safe for every
 * call, a create or a copy too. The pool's other idle connections went idle at about the same time
 * and are likely closed as well, so they are dropped before the next attempt.
 *
 * <p>A call whose reused connection broke after it was sent ({@link ClosedConnectionCheck.BrokenBeforeAnswer})
 * is sent again only when repeating it cannot do harm: an idempotent API call, or an object GET or
 * HEAD. A write's failure goes up to its caller, which looks at what happened before resending
 * ({@link CreateResend}, {@link Remover}, {@link Relocator}, the upload's complete).
 */
final class ClosedConnectionRetry implements Interceptor {
    /** A fresh connection cannot be found closed, so the second attempt normally succeeds; this bounds the loop. */
    static final int ATTEMPTS = 3;

    private final ConnectionPool pool;

    ClosedConnectionRetry(ConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return chain.proceed(chain.request());
            } catch (ClosedConnectionCheck.ClosedBeforeSending e) {
                if (attempt >= ATTEMPTS) throw e;
                pool.evictAll();
            } catch (ClosedConnectionCheck.BrokenBeforeAnswer e) {
                if (attempt >= ATTEMPTS || !repeatable(chain.request())) throw e;
                pool.evictAll();
            }
        }
    }

    private static boolean repeatable(Request request) {
        ApiCall call = request.tag(ApiCall.class);
        if (call != null) return call.idempotent();
        return request.method().equals("GET") || request.method().equals("HEAD");
    }
}
