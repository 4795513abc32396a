package org.alidav;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.alidav.login.Account;
import org.alidav.login.LoginAttempt;
import org.alidav.login.LoginClient;
import org.alidav.login.LoginException;
import org.alidav.login.LoginResult;
import org.alidav.login.LoginStatus;
import org.alidav.login.QrCodes;
import org.alidav.login.QrTicket;
import org.alidav.aliyun.AliyunOpenDriverFactory;
import org.alidav.aliyun.OpenPlatformApp;
import org.alidav.aliyun.TokenFile;
import org.alidav.config.AppConfig;
import org.alidav.config.LoadedConfig;
import org.alidav.config.StorageConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar alidav.jar login [--config FILE] [--mount PATH]}: logs one {@code aliyundrive-open}
 * storage in with a QR code and saves the new refresh token in the storage's token file, where the
 * driver (and a running server, which watches that file) picks it up. Progress goes to standard
 * output, a failure to standard error as one line. Standard input is read only to choose among
 * several storages, so the command runs the same with it closed. Exit status: 0 logged in, 1 no
 * network or the service failed, 2 a problem with the config or the app's credentials, 3 every QR
 * code expired, 130 interrupted (Ctrl-C), with nothing written.
 */
public final class LoginCommand {
    private static final String DRIVER = new AliyunOpenDriverFactory().name();
    private static final Logger LOG = LoggerFactory.getLogger(LoginCommand.class);

    private final LoadedConfig loaded;
    private final Optional<String> mount;
    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;

    public LoginCommand(LoadedConfig loaded, Optional<String> mount, BufferedReader in, PrintStream out, PrintStream err) {
        this.loaded = loaded;
        this.mount = mount;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static LoginCommand onSystemStreams(LoadedConfig loaded, Optional<String> mount, PrintStream out, PrintStream err) {
        return new LoginCommand(loaded, mount, new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())), out, err);
    }

    /** Answers the exit status. */
    public int run() {
        loaded.warnings().forEach(w -> LOG.warn("{}", w));
        AppConfig config = loaded.config();
        StorageConfig storage;
        try {
            storage = chooseStorage(config);
        } catch (IllegalArgumentException e) {
            err.println("alidav: " + e.getMessage());
            return 2;
        }
        OpenPlatformApp app = OpenPlatformApp.of(storage.driverOptions());
        if (!app.hasCredentials()) {
            err.println("alidav: storage " + storage.mount() + " has no client_id and client_secret: the QR login uses your own "
                    + "Open Platform app; put them in " + config.source() + " (see docs/getting-started.md)");
            return 2;
        }
        TokenFile tokenFile = TokenFile.of(storage.driverOptions(), config.server().dataDir());
        LoginAttempt attempt = new LoginAttempt(new LoginClient(app), r -> tokenFile.saveLogin(r.refreshToken(), r.accessToken()));
        out.println("Logging in storage " + storage.mount() + " with app " + app.clientId() + " (Ctrl-C stops, saving nothing).");
        LoginStatus end = runCancellable(attempt);
        return switch (end.phase()) {
            case DONE -> {
                out.println(success(end.result(), tokenFile));
                yield 0;
            }
            case CANCELLED -> {
                err.println("alidav: login cancelled; nothing was saved");
                yield 130;
            }
            default -> {
                err.println("alidav: " + end.message());
                yield exitStatus(end.failure());
            }
        };
    }

    /**
     * Ctrl-C runs the JVM's shutdown hooks and then stops the JVM: the hook cancels, so no token is
     * written past that point, and says so, since {@link #run} never gets to.
     */
    private LoginStatus runCancellable(LoginAttempt attempt) {
        Thread hook = new Thread(() -> {
            if (!attempt.cancel()) err.println("alidav: login cancelled; nothing was saved");
        }, "login-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return attempt.run(this::show);
        } catch (InterruptedException e) {
            attempt.cancel();
            Thread.currentThread().interrupt();
            return attempt.poll();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran: it has cancelled the attempt
            }
        }
    }

    private void show(LoginStatus status) {
        switch (status.phase()) {
            case WAITING -> showCode("Scan this QR code with the AliyunDrive app, then confirm the login in the app:", status.ticket());
            case SCANNED -> out.println("Scanned: confirm the login in the AliyunDrive app.");
            case EXPIRED -> showCode(status.message() + ":", status.ticket());
            default -> {
                // the end is reported by run()
            }
        }
    }

    /** The QR code, then the link on a line of its own for a phone or a browser. */
    private void showCode(String heading, QrTicket ticket) {
        out.println(heading);
        out.print(QrCodes.terminal(ticket.link()));
        out.println(ticket.link());
        out.println("Waiting for the scan…");
        out.flush();
    }

    private static String success(LoginResult result, TokenFile tokenFile) {
        Account a = result.account();
        String drives = a.driveIds().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return "Logged in as " + (a.name().isBlank() ? "(no name)" : a.name()) + " (user id " + a.userId() + "), drives: "
                + (drives.isEmpty() ? "none granted" : drives) + "; refresh token saved to " + tokenFile.path();
    }

    static int exitStatus(LoginException.Reason failure) {
        return switch (failure) {
            case APP_REJECTED -> 2;
            case CODES_EXPIRED -> 3;
            default -> 1;
        };
    }

    /** The storage at {@code --mount}, else the only aliyundrive-open one, else the one the user picks. */
    private StorageConfig chooseStorage(AppConfig config) {
        List<StorageConfig> candidates = config.storages().stream().filter(s -> s.driver().equals(DRIVER)).toList();
        String mounts = candidates.stream().map(StorageConfig::mount).collect(Collectors.joining(", "));
        if (mount.isPresent()) {
            StorageConfig named = config.storages().stream().filter(s -> s.mount().equals(mount.get())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no storage is mounted at " + mount.get() + " in " + config.source()
                            + (candidates.isEmpty() ? "" : " (" + DRIVER + " storages: " + mounts + ")")));
            if (!named.driver().equals(DRIVER)) {
                throw new IllegalArgumentException("storage " + named.mount() + " is a " + named.driver() + " storage; login is for "
                        + DRIVER + " storages");
            }
            return named;
        }
        if (candidates.isEmpty()) throw new IllegalArgumentException("no " + DRIVER + " storage in " + config.source());
        if (candidates.size() == 1) return candidates.get(0);
        return ask(candidates, mounts);
    }

    private StorageConfig ask(List<StorageConfig> candidates, String mounts) {
        out.println("Several " + DRIVER + " storages. Which one do you log in?");
        for (int i = 0; i < candidates.size(); i++) out.println("  " + (i + 1) + ") " + candidates.get(i).mount());
        out.print("Number or mount: ");
        out.flush();
        String answer;
        try {
            answer = in.readLine();
        } catch (IOException e) {
            answer = null;
        }
        String choice = answer == null ? "" : answer.trim();
        for (int i = 0; i < candidates.size(); i++) {
            if (choice.equals(String.valueOf(i + 1)) || choice.equals(candidates.get(i).mount())) return candidates.get(i);
        }
        throw new IllegalArgumentException((answer == null ? "" : "'" + choice + "' is none of them; ")
                + "several " + DRIVER + " storages (" + mounts + "): choose one with --mount");
    }
}
