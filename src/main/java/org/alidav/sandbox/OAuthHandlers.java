package org.alidav.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Token endpoints: {@code POST /oauth/access_token} (JSON or form body; grants {@code refresh_token}
 * and {@code authorization_code}), the online renew-API stand-in {@code GET /alicloud/renewapi} and
 * {@code GET /oauth/users/info}.
 */
final class OAuthHandlers {
    static final String ACCESS_TOKEN = "/oauth/access_token";
    static final String RENEW_API = "/alicloud/renewapi";
    static final String USERS_INFO = "/oauth/users/info";

    private final SandboxOptions options;
    private final TokenService tokens;
    private final FaultPlan faults;
    private final QrLogins logins;

    OAuthHandlers(SandboxOptions options, TokenService tokens, FaultPlan faults, QrLogins logins) {
        this.options = options;
        this.tokens = tokens;
        this.faults = faults;
        this.logins = logins;
    }

    void register(ApiRoutes routes) {
        routes.add(new ApiRoutes.Route("POST", ACCESS_TOKEN, RateLimiter.RateClass.TOKEN, false, true, this::accessToken));
        routes.add(new ApiRoutes.Route("GET", RENEW_API, RateLimiter.RateClass.TOKEN, false, false, this::renew));
        routes.add(new ApiRoutes.Route("GET", USERS_INFO, RateLimiter.RateClass.OTHER, true, true, this::usersInfo));
    }

    private Object accessToken(ApiCall call) {
        RequestBody b = call.body();
        String grant = b.text("grant_type", "");
        if (!"refresh_token".equals(grant) && !"authorization_code".equals(grant)) {
            throw ApiException.badRequest("InvalidGrantType", "grant_type must be authorization_code or refresh_token");
        }
        checkApp(options, b);
        TokenService.TokenPair pair;
        if (grant.equals("authorization_code")) {
            String code = b.text("code", "");
            if (code.isEmpty()) throw ApiException.badRequest("InvalidCode", "code is empty");
            pair = tokens.issuePair(logins.redeem(code, b.text("client_id")));
        } else {
            String refreshToken = b.text("refresh_token", "");
            if (refreshToken.isEmpty()) {
                throw ApiException.missing("refresh_token");
            }
            pair = tokens.refresh(refreshToken, TokenService.App.QR, faults.takeForeignSub());
        }
        ObjectNode o = Json.object();
        o.put("token_type", "Bearer");
        o.put("access_token", pair.accessToken());
        o.put("refresh_token", pair.refreshToken());
        o.put("expires_in", pair.expiresInSeconds());
        return o;
    }

    /** The app's credentials in a body, as the token and QR endpoints check them. */
    static void checkApp(SandboxOptions options, RequestBody b) {
        if (!options.clientId().equals(b.text("client_id", ""))) {
            throw ApiException.badRequest("InvalidClientId", "client_id is invalid");
        }
        if (!options.clientSecret().equals(b.text("client_secret", ""))) {
            throw ApiException.badRequest("InvalidClientSecret", "client_secret is invalid");
        }
    }

    /**
     * The online renew server answers 500 {text} on any failure instead of an error code. It renews QR
     * tokens ({@code driver_txt=alicloud_qr}) and TV tokens ({@code alicloud_tv}), each only as what it is.
     */
    private Object renew(ApiCall call) {
        String refreshUi = call.request().getParameter("refresh_ui");
        String driverTxt = call.request().getParameter("driver_txt");
        if (refreshUi == null || refreshUi.isEmpty()) {
            return renewFailure("refresh_ui is required");
        }
        TokenService.App app = java.util.Arrays.stream(TokenService.App.values()).filter(a -> a.driverTxt.equals(driverTxt))
                .findFirst().orElse(null);
        if (app == null) {
            return renewFailure("unknown driver_txt: " + driverTxt);
        }
        try {
            // a token is renewed with the app it was issued to: driver_txt must name it
            TokenService.TokenPair pair = tokens.refresh(refreshUi, app, faults.takeForeignSub());
            ObjectNode o = Json.object();
            o.put("refresh_token", pair.refreshToken());
            o.put("access_token", pair.accessToken());
            o.put("expires_in", pair.expiresInSeconds());
            return o;
        } catch (ApiException e) {
            return renewFailure(e.code + ": " + e.getMessage());
        }
    }

    private static ApiResponse renewFailure(String text) {
        ObjectNode o = Json.object();
        o.put("text", text);
        return new ApiResponse(500, o);
    }

    private Object usersInfo(ApiCall call) {
        ObjectNode o = Json.object();
        o.put("id", call.user().userId());
        o.put("name", call.user().nickName());
        o.put("avatar", "");
        o.putNull("phone");
        return o;
    }
}
