package org.alidav.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.alidav.aliyun.OpenPlatformApp;
import org.alidav.login.LoginException.Reason;

/**
 * The calls of the QR-code login with the user's own app (docs/open-api.md, QR-code login):
 * issue a code, read its status, exchange the authorization code with the client secret (the grant
 * that returns a refresh token), and ask who logged in. Where the sheet is unsure of a name or a
 * shape, both readings are accepted. Messages name codes and hosts, never a token or the secret.
 */
public final class LoginClient {
    /** What the driver needs: the user's id and drives, and read/write on all files. */
    public static final List<String> SCOPES = List.of("user:base", "file:all:read", "file:all:write");
    /** The official authorization page; a QR code encodes it with the code's sid. */
    static final String OFFICIAL_AUTHORIZE_PAGE = "https://www.alipan.com/o/oauth/authorize";
    /** The service's domains: any other api_base_url (the sandbox) serves the authorization page itself. */
    private static final List<String> OFFICIAL_DOMAINS = List.of("alipan.com", "aliyundrive.com");
    private static final Set<String> APP_CODES = Set.of("InvalidClientSecret", "InvalidClientId", "AppNotExists");
    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OpenPlatformApp app;
    private final OkHttpClient http;
    private final HttpUrl base;

    /** {@code app} must {@linkplain OpenPlatformApp#hasCredentials() have credentials}. */
    public LoginClient(OpenPlatformApp app) {
        if (!app.hasCredentials()) throw new IllegalArgumentException("the QR login needs client_id and client_secret");
        this.app = app;
        this.http = app.httpClient();
        this.base = HttpUrl.get(app.apiBaseUrl());
    }

    /** {@code POST /oauth/authorize/qrcode}: a fresh code for the driver's scopes. */
    QrTicket newQrCode() throws LoginException {
        ObjectNode body = credentials();
        body.set("scopes", MAPPER.valueToTree(SCOPES));
        JsonNode answer = call(post("/oauth/authorize/qrcode", body), "asking for a QR code");
        String sid = text(answer, "sid");
        if (sid == null) throw new LoginException(Reason.BAD_ANSWER, base.host() + " answered a QR code request without a sid");
        return new QrTicket(sid, authorizeLink(sid));
    }

    /**
     * {@code GET /oauth/qrcode/<sid>/status}. Expiry comes as a status or as a 400 {@code QRCodeExpired}
     * error; an unknown status counts as waiting (the attempt's own deadline ends a code that never
     * expires here).
     */
    QrState status(String sid) throws LoginException {
        Request request = new Request.Builder()
                .url(base.newBuilder().addPathSegments("oauth/qrcode").addPathSegment(sid).addPathSegment("status").build())
                .get().build();
        JsonNode answer;
        try {
            answer = call(request, "reading the QR code's status");
        } catch (LoginException e) {
            if ("QRCodeExpired".equals(e.serviceCode())) return QrState.of(QrState.Stage.EXPIRED);
            throw e;
        }
        String status = text(answer, "status");
        if (status == null) status = "";
        return switch (status) {
            case "ScanSuccess" -> QrState.of(QrState.Stage.SCANNED);
            case "QRCodeExpired" -> QrState.of(QrState.Stage.EXPIRED);
            case "LoginSuccess" -> {
                String code = text(answer, "authCode", "auth_code", "code");
                if (code == null) throw new LoginException(Reason.BAD_ANSWER, base.host() + " reported a confirmed login without an authorization code");
                yield new QrState(QrState.Stage.CONFIRMED, code);
            }
            default -> QrState.of(QrState.Stage.WAITING);
        };
    }

    /** {@code POST /oauth/access_token}, grant {@code authorization_code}, with the client secret. */
    IssuedTokens exchange(String authCode) throws LoginException {
        ObjectNode body = credentials();
        body.put("grant_type", "authorization_code");
        body.put("code", authCode);
        JsonNode answer = call(post("/oauth/access_token", body), "exchanging the authorization code");
        String access = text(answer, "access_token", "accessToken");
        String refresh = text(answer, "refresh_token", "refreshToken");
        if (access == null || refresh == null) {
            throw new LoginException(Reason.BAD_ANSWER, base.host() + " issued no " + (refresh == null ? "refresh" : "access")
                    + " token for the authorization code");
        }
        return new IssuedTokens(access, refresh);
    }

    /** {@code POST /adrive/v1.0/user/getDriveInfo}: the user and the drives they granted. */
    Account account(String accessToken) throws LoginException {
        Request request = post("/adrive/v1.0/user/getDriveInfo", MAPPER.createObjectNode()).newBuilder()
                .header("Authorization", "Bearer " + accessToken).build();
        JsonNode answer = call(request, "asking who logged in");
        String userId = text(answer, "user_id", "userId");
        if (userId == null) throw new LoginException(Reason.BAD_ANSWER, base.host() + " did not say who logged in (no user_id)");
        Map<String, String> drives = new LinkedHashMap<>();
        for (String kind : List.of("default", "resource", "backup")) {
            String id = text(answer, kind + "_drive_id");
            if (id != null) drives.put(kind, id);
        }
        String name = text(answer, "name", "nick_name");
        return new Account(userId, name == null ? "" : name, drives);
    }

    /** The page a code's QR encodes: the official one, or the emulator's own at the same path. */
    String authorizeLink(String sid) {
        boolean official = OFFICIAL_DOMAINS.stream().anyMatch(d -> base.host().equals(d) || base.host().endsWith("." + d));
        HttpUrl page = official ? HttpUrl.get(OFFICIAL_AUTHORIZE_PAGE) : base.newBuilder().addPathSegments("o/oauth/authorize").build();
        return page.newBuilder().addQueryParameter("sid", sid).build().toString();
    }

    private ObjectNode credentials() {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("client_id", app.clientId());
        body.put("client_secret", app.clientSecret());
        return body;
    }

    private Request post(String path, JsonNode body) {
        return new Request.Builder().url(base.newBuilder().addPathSegments(path.substring(1)).build())
                .post(RequestBody.create(body.toString(), JSON)).build();
    }

    private JsonNode call(Request request, String doing) throws LoginException {
        try (Response r = http.newCall(request).execute()) {
            String text = r.body().string();
            JsonNode json = parse(text);
            if (r.isSuccessful()) {
                if (json == null) throw new LoginException(Reason.BAD_ANSWER, base.host() + " answered " + doing + " with no JSON");
                return json;
            }
            throw failure(r.code(), json, doing);
        } catch (IOException e) {
            throw new LoginException(Reason.UNREACHABLE, "cannot reach " + base.host() + " while " + doing + " (" + e.getMessage()
                    + "); check the network and api_base_url");
        }
    }

    /** Error bodies are {@code {code, message}}; OAuth-style {@code {error, error_description}} is read too. */
    private LoginException failure(int status, JsonNode json, String doing) {
        String code = json == null ? null : text(json, "code", "error");
        String message = json == null ? null : text(json, "message", "error_description");
        String said = base.host() + " answered " + status + (code == null ? "" : " " + code) + (message == null ? "" : " (" + message + ")")
                + " while " + doing;
        if (code != null && APP_CODES.contains(code)) {
            return new LoginException(Reason.APP_REJECTED, said + ": check client_id and client_secret of the storage", code);
        }
        return new LoginException(status == 429 || status >= 500 ? Reason.SERVICE_ERROR : Reason.REFUSED, said, code);
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The first of {@code names} that holds a non-blank value. */
    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && v.isValueNode() && !v.asText().isBlank()) return v.asText();
        }
        return null;
    }
}
