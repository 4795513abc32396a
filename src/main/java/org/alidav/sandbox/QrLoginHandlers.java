package org.alidav.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The QR-code login endpoints of the API (docs/open-api.md, QR-code login): {@code POST
 * /oauth/authorize/qrcode} and {@code GET /oauth/qrcode/<sid>/status}. The code's page, where a
 * "phone" approves it, is {@link AuthorizePageServlet}.
 */
final class QrLoginHandlers {
    static final String CREATE = "/oauth/authorize/qrcode";
    static final String STATUS = "/oauth/qrcode/*/status";
    /** Scopes of the sheet's §4 that the emulator knows. */
    private static final Set<String> SCOPES = Set.of("user:base", "file:all:read", "file:all:write", "album:shared:read",
            "file:share:write", "user:phone");

    private final SandboxOptions options;
    private final QrLogins logins;
    private final String baseUrl;

    QrLoginHandlers(SandboxOptions options, QrLogins logins, String baseUrl) {
        this.options = options;
        this.logins = logins;
        this.baseUrl = baseUrl;
    }

    void register(ApiRoutes routes) {
        routes.add(new ApiRoutes.Route("POST", CREATE, RateLimiter.RateClass.TOKEN, false, false, this::create));
        routes.add(new ApiRoutes.Route("GET", STATUS, RateLimiter.RateClass.OTHER, false, false, this::status));
    }

    private Object create(ApiCall call) {
        RequestBody b = call.body();
        OAuthHandlers.checkApp(options, b);
        JsonNode scopes = b.array("scopes");
        if (scopes.isEmpty()) throw ApiException.badRequest("InvalidParameter.Scopes", "scopes must name at least one scope");
        for (JsonNode scope : scopes) {
            if (!SCOPES.contains(scope.asText())) {
                throw ApiException.badRequest("InvalidParameter.Scopes", "unknown scope " + scope.asText());
            }
        }
        String sid = logins.create(b.text("client_id"));
        ObjectNode o = Json.object();
        o.put("qrCodeUrl", baseUrl + "/oauth/qrcode/" + sid);
        o.put("sid", sid);
        return o;
    }

    private Object status(ApiCall call) {
        String path = call.request().getRequestURI();
        String sid = path.substring("/oauth/qrcode/".length(), path.length() - "/status".length());
        QrLogins.Status s = logins.status(sid);
        ObjectNode o = Json.object();
        switch (s.stage()) {
            case WAITING -> o.put("status", "WaitLogin");
            case SCANNED -> o.put("status", "ScanSuccess");
            case CONFIRMED -> {
                o.put("status", "LoginSuccess");
                o.put("authCode", s.authCode());
            }
            case EXPIRED -> {
                if (logins.expiryAsError()) throw ApiException.badRequest("QRCodeExpired", "QR code expired");
                o.put("status", "QRCodeExpired");
            }
        }
        return o;
    }
}
