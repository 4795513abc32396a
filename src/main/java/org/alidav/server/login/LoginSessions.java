package org.alidav.server.login;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.alidav.log.LogText;
import org.alidav.login.LoginAttempt;
import org.alidav.login.LoginClient;
import org.alidav.login.LoginStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logins the page started, at most one per storage, each polled on a daemon thread of its own
 * until it ends. A finished login stays visible (its outcome) until the next one for the storage.
 */
final class LoginSessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoginSessions.class);
    private final Map<String, LoginAttempt> byMount = new ConcurrentHashMap<>();

    /**
     * What opening the page shows: the login in progress, or the last one when it logged the storage
     * in and the storage still has its token, else a new login.
     */
    synchronized LoginAttempt open(LoginTarget target) {
        LoginAttempt last = byMount.get(target.mount());
        if (last != null && last.current().phase() == LoginStatus.Phase.DONE && !target.needsLogin()) return last;
        return begin(target);
    }

    /** The login of {@code target} in progress, or a new one. */
    synchronized LoginAttempt begin(LoginTarget target) {
        LoginAttempt current = byMount.get(target.mount());
        if (current != null && !current.current().phase().finished()) return current;
        LoginAttempt attempt = new LoginAttempt(new LoginClient(target.app()),
                result -> target.tokenFile().saveLogin(result.refreshToken(), result.accessToken()));
        byMount.put(target.mount(), attempt);
        attempt.start(); // the first code before the page is drawn; the poller goes on from there
        Thread poller = new Thread(() -> run(target.mount(), attempt), "login " + target.mount());
        poller.setDaemon(true);
        poller.start();
        return attempt;
    }

    /** The last login started for {@code mount}, if any. */
    Optional<LoginAttempt> last(String mount) {
        return Optional.ofNullable(byMount.get(mount));
    }

    private static void run(String mount, LoginAttempt attempt) {
        try {
            LoginStatus end = attempt.run(s -> { });
            if (end.phase() == LoginStatus.Phase.DONE) {
                LOG.info("login page: storage {} logged in as {}; the token is saved and the storage serves with it",
                        LogText.escape(mount), end.result().account());
            } else {
                LOG.info("login page: the login of storage {} ended: {}", LogText.escape(mount), end.message());
            }
        } catch (InterruptedException e) {
            attempt.cancel();
        }
    }

    /** Cancels every login still running: none saves a token after the server stopped. */
    @Override
    public void close() {
        byMount.values().forEach(LoginAttempt::cancel);
    }
}
