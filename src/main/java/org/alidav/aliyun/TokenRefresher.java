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
import org.alidav.aliyun.RefreshFailure.Verdict;

/**
 * Exchanges a refresh token for a new pair, either at the official OAuth endpoint with the user's own
 * app (docs/open-api.md, "Tokens") or through an online renew server. Both answer the same JSON, so only
 * the request differs.
 */
final class TokenRefresher {
    private static final MediaType JSON = MediaType.get("application/json");
    /**
     * The codes that end a refresh token for good (docs/open-api.md, Tokens):
     * expired or used, malformed, authorisation revoked. Only a new login helps.
     */
    static final Set<String> DEAD_TOKEN_CODES = Set.of("RefreshTokenExpired", "RefreshTokenInvalid", "PermissionDenied");
    /** The codes that refuse the app itself: only a fixed client_id/client_secret helps. */
    static final Set<String> APP_CODES = Set.of("InvalidClientId", "InvalidClientSecret", "AppNotExists");

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

    /**
     * @param driverTxt {@code alicloud_qr} for tokens of the QR login, {@code alicloud_tv} for tokens of
     *                  the TV app (option {@code alipan_type}); the renew server refreshes each with its app
     */
    static TokenRefresher online(OkHttpClient http, String renewUrl, String driverTxt) {
        HttpUrl base = HttpUrl.get(renewUrl);
        return new TokenRefresher(http, refreshToken -> new Request.Builder().url(base.newBuilder()
                        .addQueryParameter("refresh_ui", refreshToken)
                        .addQueryParameter("server_use", "true")
                        .addQueryParameter("driver_txt", driverTxt).build())
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
            String said = answer != null && answer.text() != null ? answer.text() : text;
            if (r.code() == 429) {
                throw new RefreshFailure(Verdict.TRANSIENT, description + " is rate limited",
                        GovernorInterceptor.retryAfter(r).orElse(null));
            }
            if (r.code() >= 400) {
                throw new RefreshFailure(verdict(code, said), description + " answered " + r.code() + " "
                        + (code != null ? code + " " : "") + said, null);
            }
            if (answer == null || blank(answer.accessToken()) || blank(answer.refreshToken())) {
                throw new RefreshFailure(Verdict.TRANSIENT, description + " answered " + r.code() + " without a token: " + said, null);
            }
            return answer;
        } catch (IOException e) {
            if (e instanceof DriveIOException d) throw new RefreshFailure(Verdict.TRANSIENT, d.getMessage(), d.error.retryAfter());
            throw new RefreshFailure(Verdict.TRANSIENT, description + " unreachable: " + e, null);
        }
    }

    /**
     * Final only on an explicit code: the JSON {@code code}, or one named in the text of a renew
     * server (which answers 500 {@code {"text": "RefreshTokenExpired: ..."}}). Anything else may pass.
     */
    static Verdict verdict(String code, String text) {
        if (code != null && DEAD_TOKEN_CODES.contains(code) || names(text, DEAD_TOKEN_CODES)) return Verdict.TOKEN_DEAD;
        if (code != null && APP_CODES.contains(code) || names(text, APP_CODES)) return Verdict.APP_REFUSED;
        return Verdict.TRANSIENT;
    }

    private static boolean names(String text, Set<String> codes) {
        return text != null && codes.stream().anyMatch(text::contains);
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
