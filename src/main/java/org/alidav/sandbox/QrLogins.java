package org.alidav.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The QR-code logins of the emulator (docs/open-api.md, QR-code login): codes issued to the app, scanned and
 * confirmed by a "phone" (the approve page or its plain endpoints), and the single-use authorization
 * codes a confirmed login yields. Codes live in memory only, as short-lived codes would across a
 * restart of the service. Tests change a code's life and the shape of "expired" at run time.
 */
public final class QrLogins {
    /** The service's QR code life is about 180 s (not stated firmly). */
    static final Duration DEFAULT_CODE_LIFE = Duration.ofSeconds(180);
    /** An authorization code is valid 10 minutes and usable once. */
    static final Duration GRANT_LIFE = Duration.ofMinutes(10);

    enum Stage { WAITING, SCANNED, CONFIRMED, EXPIRED }

    /** What the status endpoint answers; {@code authCode} only when confirmed. */
    record Status(Stage stage, String authCode) {
    }

    private record Code(String clientId, Instant expires, Stage stage, String authCode) {
        Code with(Stage s, String code) {
            return new Code(clientId, expires, s, code);
        }
    }

    private record Grant(String clientId, String userId, Instant expires) {
    }

    private final Clock clock;
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, Grant> grants = new HashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile Duration codeLife = DEFAULT_CODE_LIFE;
    private volatile boolean expiryAsError;

    QrLogins(Clock clock) {
        this.clock = clock;
    }

    /** How long codes issued from now on can be scanned and confirmed. */
    public void setCodeLife(Duration life) {
        if (life.isNegative() || life.isZero()) throw new IllegalArgumentException("a code's life must be positive");
        codeLife = life;
    }

    /**
     * The sheet knows two readings of an expired code's status: {@code 200 {status: QRCodeExpired}}
     * (the default here) and {@code 400 {code: QRCodeExpired}}; {@code true} answers the second.
     */
    public void answerExpiryAsError(boolean asError) {
        expiryAsError = asError;
    }

    boolean expiryAsError() {
        return expiryAsError;
    }

    /** QR codes issued so far. */
    public int issued() {
        return issued.get();
    }

    synchronized String create(String clientId) {
        Instant now = clock.instant();
        codes.keySet().removeIf(sid -> live(sid, now) == null);
        grants.values().removeIf(g -> !now.isBefore(g.expires()));
        String sid = Ids.hex(32);
        codes.put(sid, new Code(clientId, clock.instant().plus(codeLife), Stage.WAITING, null));
        issued.incrementAndGet();
        return sid;
    }

    /** An unknown sid reads as expired: the service forgets codes. */
    synchronized Status status(String sid) {
        Code c = live(sid);
        return c == null ? new Status(Stage.EXPIRED, null) : new Status(c.stage(), c.authCode());
    }

    /** The phone scanned the code; false when the code is unknown or expired. */
    synchronized boolean scan(String sid) {
        Code c = live(sid);
        if (c == null) return false;
        if (c.stage() == Stage.WAITING) codes.put(sid, c.with(Stage.SCANNED, null));
        return true;
    }

    /** The user confirmed in the app (scanning first if the page skipped it); false when the code is gone. */
    synchronized boolean confirm(String sid, String userId) {
        Code c = live(sid);
        if (c == null) return false;
        if (c.stage() != Stage.CONFIRMED) {
            String authCode = Ids.hex(32);
            grants.put(authCode, new Grant(c.clientId(), userId, clock.instant().plus(GRANT_LIFE)));
            codes.put(sid, c.with(Stage.CONFIRMED, authCode));
        }
        return true;
    }

    /** The user id behind {@code authCode}, which is used up; InvalidCode when unknown, used or too old. */
    synchronized String redeem(String authCode, String clientId) {
        Grant g = grants.remove(authCode);
        if (g == null || !clock.instant().isBefore(g.expires())) {
            throw ApiException.badRequest("InvalidCode", "code is invalid or expired");
        }
        if (!g.clientId().equals(clientId)) {
            throw ApiException.badRequest("InvalidClientId", "client_id differs from the one the code was issued to");
        }
        return g.userId();
    }

    /** The code, or null once expired (a confirmed code stays readable while its grant may be redeemed). */
    private Code live(String sid) {
        return live(sid, clock.instant());
    }

    private Code live(String sid, Instant now) {
        Code c = codes.get(sid);
        if (c == null) return null;
        Instant end = c.stage() == Stage.CONFIRMED ? c.expires().plus(GRANT_LIFE) : c.expires();
        return now.isBefore(end) ? c : null;
    }
}
