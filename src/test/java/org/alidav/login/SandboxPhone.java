package org.alidav.login;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.alidav.sandbox.SandboxServer;

/** Does what the AliyunDrive app does with a QR code, through the sandbox's plain HTTP steps. */
public final class SandboxPhone {
    private final OkHttpClient http = new OkHttpClient();
    private final SandboxServer sandbox;

    public SandboxPhone(SandboxServer sandbox) {
        this.sandbox = sandbox;
    }

    /** Scans the code; the status of {@code sid} is the HTTP status of the step (204 done, 409 expired). */
    public int scan(String sid) throws IOException {
        return step("scan", sid);
    }

    /** Confirms the login as the sandbox's default user. */
    public int confirm(String sid) throws IOException {
        return step("confirm", sid);
    }

    private int step(String step, String sid) throws IOException {
        String page = sandbox.authorizePage(sid);
        String url = page.replace("/o/oauth/authorize?", "/o/oauth/authorize/" + step + "?");
        try (Response r = http.newCall(new Request.Builder().url(url).post(RequestBody.create(new byte[0])).build()).execute()) {
            return r.code();
        }
    }
}
