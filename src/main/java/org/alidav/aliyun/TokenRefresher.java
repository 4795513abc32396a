package org.alidav.aliyun;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.alidav.aliyun.ApiModel.TokenAnswer;

/**
 * Exchanges a refresh token for a new pair, either at the official OAuth endpoint with the user's own
 * app (docs/open-api.md, "Tokens") or through an online renew server. Both answer the same JSON, so only
 * the request differs.
 */
final class TokenRefresher {
    private static final MediaType JSON = MediaType.get("application/json");
    /** Codes that mean the token or the app credentials are gone for good. */
    private static final Set<String> DEAD_CODES = Set.of("RefreshTokenExpired", "RefreshTokenInvalid", "PermissionDenied",
            "InvalidClientSecret", "InvalidClientId", "AppNotExists", "InvalidGrantType", "InvalidCode");

    private final OkHttpClient http;
    private final Function<String, Request> requestFor;
    private final String description;

    private TokenRefresher(OkHttpClient http, Function<String, Request> requestFor, String description) {
        this.http = http;
        this.requestFor = requestFor;
        this.description = description;
    }

    static TokenRefresher oauth(OkHttpClient http, String apiBaseUrl, String clientId, String clientSecret) {
        return new TokenRefresher(http, refreshToken -> {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("client_id", clientId);
            body.put("client_secret", clientSecret);
            body.put("grant_type", "refresh_token");
            body.put("refresh_token", refreshToken);
            return new Request.Builder().url(apiBaseUrl + "/oauth/access_token")
                    .post(RequestBody.create(write(body), JSON)).tag(ApiCall.class, ApiCall.unauthorized()).build();
        }, "the app's OAuth endpoint");
    }

    static TokenRefresher online(OkHttpClient http, String renewUrl) {
        HttpUrl base = HttpUrl.get(renewUrl);
        return new TokenRefresher(http, refreshToken -> new Request.Builder().url(base.newBuilder()
                        .addQueryParameter("refresh_ui", refreshToken)
                        .addQueryParameter("server_use", "true")
                        .addQueryParameter("driver_txt", "alicloud_qr").build())
                .get().tag(ApiCall.class, ApiCall.unauthorized()).build(), "the online renew server " + base.host());
    }

    String description() {
        return description;
    }

    TokenAnswer refresh(String refreshToken) throws RefreshFailure {
        try (Response r = http.newCall(requestFor.apply(refreshToken)).execute()) {
            String text = r.body().string();
            TokenAnswer answer = parse(text);
            String code = codeOf(text);
            if (r.code() == 429) {
                throw new RefreshFailure(false, description + " is rate limited", GovernorInterceptor.retryAfter(r).orElse(null));
            }
            if (r.code() >= 400) {
                boolean dead = DEAD_CODES.contains(code) || (r.code() < 500 && code != null && !code.equals("TooManyRequests"))
                        || mentionsDeadCode(answer == null ? text : answer.text());
                throw new RefreshFailure(dead, description + " answered " + r.code() + " " + (code != null ? code : "")
                        + " " + (answer != null && answer.text() != null ? answer.text() : text), null);
            }
            if (answer == null || blank(answer.accessToken()) || blank(answer.refreshToken())) {
                throw new RefreshFailure(true, description + " returned no token; a wrong refresh token may have been used: "
                        + (answer != null && answer.text() != null ? answer.text() : text), null);
            }
            return answer;
        } catch (IOException e) {
            if (e instanceof DriveIOException d) throw new RefreshFailure(false, d.getMessage(), d.error.retryAfter());
            throw new RefreshFailure(false, description + " unreachable: " + e, null);
        }
    }

    private static boolean mentionsDeadCode(String text) {
        return text != null && DEAD_CODES.stream().anyMatch(text::contains);
    }

    private static TokenAnswer parse(String text) {
        try {
            return Json.MAPPER.readValue(text, TokenAnswer.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static String codeOf(String text) {
        try {
            var node = Json.MAPPER.readTree(text);
            return node != null && node.hasNonNull("code") ? node.get("code").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String write(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
