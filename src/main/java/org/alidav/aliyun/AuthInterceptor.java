package org.alidav.aliyun;

import java.io.IOException;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.alidav.drive.DriveException;

/**
 * Adds the bearer token to API calls and, when the server answers that the token is invalid or
 * expired, refreshes it and sends the same call once more (docs/open-api.md, "Tokens").
 */
final class AuthInterceptor implements Interceptor {
    private static final Set<String> TOKEN_ERRORS = Set.of("AccessTokenInvalid", "AccessTokenExpired", "I400JD");
    private final StorageTokens tokens;

    AuthInterceptor(StorageTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        ApiCall call = chain.request().tag(ApiCall.class);
        if (call == null || !call.authorized()) return chain.proceed(chain.request());
        String token = guarded(() -> tokens.accessToken());
        Response response = chain.proceed(authorize(chain.request(), call, token));
        if (!isTokenError(response)) return response;
        response.close();
        String fresh = guarded(() -> tokens.rejected(token));
        return chain.proceed(authorize(chain.request(), call, fresh));
    }

    private static Request authorize(Request request, ApiCall call, String token) throws IOException {
        Request.Builder b = request.newBuilder().header("Authorization", "Bearer " + token);
        if (call.tokenBound() != null) b.method(request.method(), call.tokenBound().forToken(token));
        return b.build();
    }

    private static boolean isTokenError(Response response) throws IOException {
        if (response.code() < 400) return false;
        try {
            var node = Json.MAPPER.readTree(response.peekBody(16 * 1024).string());
            return node != null && node.hasNonNull("code") && TOKEN_ERRORS.contains(node.get("code").asText());
        } catch (IOException e) {
            return false;
        }
    }

    private interface TokenSource {
        String get();
    }

    private static String guarded(TokenSource source) throws DriveIOException {
        try {
            return source.get();
        } catch (DriveException e) {
            throw new DriveIOException(e);
        }
    }
}
