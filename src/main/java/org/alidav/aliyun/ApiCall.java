package org.alidav.aliyun;

import java.io.IOException;
import okhttp3.RequestBody;

/**
 * What the interceptors need to know about one API request, carried as its OkHttp tag.
 *
 * @param bucket     the rate class it is paced by
 * @param idempotent true when repeating it after a 5xx or a dropped connection cannot do harm
 * @param authorized false for calls that carry no bearer token (token refresh)
 * @param tokenBound when set, the body depends on the access token it is sent with (a rapid-upload
 *                   proof code) and is rebuilt for whichever token the request finally carries
 */
record ApiCall(Bucket bucket, boolean idempotent, boolean authorized, TokenBoundBody tokenBound) {

    /** A body computed from the access token that authorises it. */
    interface TokenBoundBody {
        RequestBody forToken(String accessToken) throws IOException;
    }

    static ApiCall read(Bucket bucket) {
        return new ApiCall(bucket, true, true, null);
    }

    static ApiCall write() {
        return new ApiCall(Bucket.OTHER, false, true, null);
    }

    static ApiCall unauthorized() {
        return new ApiCall(Bucket.OTHER, false, false, null);
    }

    static ApiCall boundTo(TokenBoundBody body) {
        return new ApiCall(Bucket.OTHER, false, true, body);
    }
}
