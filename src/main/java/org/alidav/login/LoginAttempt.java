package org.alidav.login;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.alidav.login.LoginException.Reason;

/**
 * One QR-code login of one storage, from the first code to saved tokens. {@link #start()} gets a
 * code, each {@link #poll()} asks the service once and moves on: an expired code is replaced by a
 * fresh one up to {@link #FRESH_CODES} times, a confirmed one is exchanged for tokens, the user is
 * looked up, and the result goes to the {@link TokenSink} before the attempt reports
 * {@link LoginStatus.Phase#DONE}. {@link #run} does the polling loop for callers that wait.
 *
 * <p>Thread-safe: a page may read {@link #current()} from any thread while another polls.
 * {@link #cancel()} never lets the sink be called afterwards, and returns only once a save that
 * already began is over, so a process that exits after it leaves no half-done file.
 */
public final class LoginAttempt {
    /** Codes fetched after the first one expired, before the attempt gives up. */
    public static final int FRESH_CODES = 3;
    /** Between two status calls (the sheet's clients use 1–3 s). */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    /** A code the service never declares expired is dropped after this (the service's own life is about 180 s). */
    static final Duration CODE_LIFE = Duration.ofMinutes(4);
    /** Status calls that may fail in a row (network blips, 5xx) before the attempt fails. */
    static final int STATUS_ERRORS = 5;

    /** Where a finished login goes; it is called at most once, before the attempt reports success. */
    @FunctionalInterface
    public interface TokenSink {
        void save(LoginResult result) throws IOException;
    }

    /** Waits between polls; tests pass one that does not. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final LoginClient client;
    private final TokenSink sink;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Object saving = new Object();

    private volatile LoginStatus status = new LoginStatus(LoginStatus.Phase.WAITING, null, 0, "not started", null, null);
    private volatile boolean cancelled;
    private Instant codeDeadline = Instant.MAX;
    private int statusErrors;

    public LoginAttempt(LoginClient client, TokenSink sink) {
        this(client, sink, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    public LoginAttempt(LoginClient client, TokenSink sink, Clock clock, Sleeper sleeper) {
        this.client = client;
        this.sink = sink;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Gets the first code (once; later calls return the current status). */
    public synchronized LoginStatus start() {
        if (status.ticket() != null || status.phase().finished()) return status;
        if (cancelled) return set(LoginStatus.Phase.CANCELLED, null, 0, "cancelled; nothing was saved");
        try {
            QrTicket ticket = client.newQrCode();
            codeDeadline = clock.instant().plus(CODE_LIFE);
            return set(LoginStatus.Phase.WAITING, ticket, 0, "scan the QR code with the AliyunDrive app, or open the link");
        } catch (LoginException e) {
            return fail(e);
        }
    }

    /** The status as last seen, without asking the service. */
    public LoginStatus current() {
        return status;
    }

    /** Asks the service once about the current code and acts on the answer. */
    public synchronized LoginStatus poll() {
        if (status.ticket() == null) return start();
        if (status.phase().finished()) return status;
        if (cancelled) return set(LoginStatus.Phase.CANCELLED, status.ticket(), status.freshCodes(), "cancelled; nothing was saved");
        QrState state;
        try {
            state = client.status(status.ticket().sid());
            statusErrors = 0;
        } catch (LoginException e) {
            if (!e.reason().isTransient() || ++statusErrors >= STATUS_ERRORS) return fail(e);
            return status;
        }
        return switch (state.stage()) {
            case WAITING -> clock.instant().isBefore(codeDeadline) ? status : renew();
            case SCANNED -> set(LoginStatus.Phase.SCANNED, status.ticket(), status.freshCodes(), "scanned; confirm the login in the app");
            case EXPIRED -> renew();
            case CONFIRMED -> finish(state.authCode());
        };
    }

    /**
     * Starts if needed and polls every {@link #POLL_INTERVAL} until the attempt is over, telling
     * {@code onChange} each new phase or code (the first status included).
     */
    public LoginStatus run(Consumer<LoginStatus> onChange) throws InterruptedException {
        LoginStatus shown = start();
        onChange.accept(shown);
        while (!shown.phase().finished()) {
            sleeper.sleep(POLL_INTERVAL);
            LoginStatus next = poll();
            if (next.phase() != shown.phase() || next.ticket() != shown.ticket()) onChange.accept(next);
            shown = next;
        }
        return shown;
    }

    /**
     * Stops the attempt: nothing is saved from now on. Waits for a save already under way, and
     * answers whether the login was saved before the cancel came (then it stands).
     */
    public boolean cancel() {
        cancelled = true;
        synchronized (saving) {
            // a save that began before the flag was set has finished when this block is entered
            return status.phase() == LoginStatus.Phase.DONE;
        }
    }

    private LoginStatus renew() {
        int fresh = status.freshCodes();
        if (fresh == FRESH_CODES) {
            return fail(new LoginException(Reason.CODES_EXPIRED, "the QR code expired " + (FRESH_CODES + 1)
                    + " times without a confirmed login; run the login again when you have the app at hand"));
        }
        try {
            QrTicket ticket = client.newQrCode();
            codeDeadline = clock.instant().plus(CODE_LIFE);
            return set(LoginStatus.Phase.EXPIRED, ticket, fresh + 1, "the QR code expired; here is a fresh one ("
                    + (fresh + 1) + " of " + FRESH_CODES + ")");
        } catch (LoginException e) {
            return fail(e);
        }
    }

    private LoginStatus finish(String authCode) {
        LoginResult result;
        try {
            IssuedTokens tokens = client.exchange(authCode);
            result = new LoginResult(tokens.refreshToken(), tokens.accessToken(), client.account(tokens.accessToken()));
        } catch (LoginException e) {
            return fail(e);
        }
        synchronized (saving) {
            if (cancelled) return set(LoginStatus.Phase.CANCELLED, status.ticket(), status.freshCodes(), "cancelled; nothing was saved");
            try {
                sink.save(result);
            } catch (IOException e) {
                return fail(new LoginException(Reason.NOT_SAVED, "logged in, but the token could not be saved: " + e.getMessage()));
            }
            status = new LoginStatus(LoginStatus.Phase.DONE, status.ticket(), status.freshCodes(), "logged in", result, null);
            return status;
        }
    }

    private LoginStatus fail(LoginException e) {
        status = new LoginStatus(LoginStatus.Phase.FAILED, status.ticket(), status.freshCodes(), e.getMessage(), null, e.reason());
        return status;
    }

    private LoginStatus set(LoginStatus.Phase phase, QrTicket ticket, int freshCodes, String message) {
        status = new LoginStatus(phase, ticket, freshCodes, message, null, null);
        return status;
    }
}
