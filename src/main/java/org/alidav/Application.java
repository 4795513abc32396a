package org.alidav;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alidav.aliyun.AliyunOpenDriverFactory;
import org.alidav.aliyun.OpenPlatformApp;
import org.alidav.aliyun.TokenFile;
import org.alidav.config.AppConfig;
import org.alidav.config.PasswordCheck;
import org.alidav.config.PasswordHasher;
import org.alidav.config.ServerSettings;
import org.alidav.config.StorageConfig;
import org.alidav.config.TlsSettings;
import org.alidav.config.UserConfig;
import org.alidav.dav.LockingExtension;
import org.alidav.dav.mount.MountScope;
import org.alidav.dav.mount.MountSpec;
import org.alidav.dav.lock.LockManager;
import org.alidav.dav.lock.LockTable;
import org.alidav.drive.cache.Storage;
import org.alidav.drive.remote.PacingClock;
import org.alidav.sandbox.SandboxServer;
import org.alidav.server.Authenticator;
import org.alidav.server.DavServer;
import org.alidav.server.ServerSetup;
import org.alidav.server.UserDirectory;
import org.alidav.server.tls.PemIdentity;
import org.alidav.server.tls.SelfSignedCertificate;
import org.alidav.server.tls.TlsSource;
import org.alidav.server.login.LoginTarget;
import org.alidav.state.DataDirInUseException;
import org.alidav.state.DataDirLock;
import org.alidav.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server assembled from a config: storages over their drivers, users, lock support and the HTTP
 * server; in sandbox mode the emulator too. Tests start it in-process exactly as {@code main} does.
 *
 * <p>The {@code data_dir} lock comes first, before anything reads or writes there (token files
 * included), and goes last; the state database ({@code <data_dir>/state.db}) is opened right after it
 * and closed after everything that uses it has stopped.
 */
public final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Application.class);

    static final String STATE_FILE = "state.db";
    /** The driver whose storages the /-/login page logs in. */
    private static final String LOGIN_DRIVER = new AliyunOpenDriverFactory().name();

    private final DataDirLock dataDirLock;
    private final StateStore state;
    private final SandboxServer sandbox;
    private final List<Storage> storages;
    private final Maintenance maintenance;
    private final DavServer server;
    private final AppConfig config;
    private final List<String> startupProblems;

    private Application(DataDirLock dataDirLock, StateStore state, SandboxServer sandbox, List<Storage> storages,
                        Maintenance maintenance, DavServer server, AppConfig config, List<String> startupProblems) {
        this.dataDirLock = dataDirLock;
        this.state = state;
        this.sandbox = sandbox;
        this.storages = storages;
        this.maintenance = maintenance;
        this.server = server;
        this.config = config;
        this.startupProblems = List.copyOf(startupProblems);
    }

    /** Starts everything; with {@code sandbox} the configured storages are replaced by the emulator at {@code /}. */
    public static Application start(AppConfig config, boolean sandbox) throws Exception {
        return start(config, sandbox, Clock.systemUTC());
    }

    /** As {@link #start(AppConfig, boolean)} with the storages' clock given (the benchmark simulates time). */
    public static Application start(AppConfig config, boolean sandbox, Clock clock) throws Exception {
        return start(config, sandbox, clock, PacingClock.SYSTEM);
    }

    /**
     * As above with the clock of the per-user pacing given too; in sandbox mode the emulator (its rate
     * limits, token and link lives) runs on {@code clock}. Tests run the server on time faster than real.
     *
     * @throws DataDirInUseException when another server holds the {@code data_dir}
     */
    public static Application start(AppConfig config, boolean sandbox, Clock clock, PacingClock pacing) throws Exception {
        Path dataDir = config.server().dataDir();
        DataDirLock dataDirLock = DataDirLock.acquire(dataDir);
        StateStore state = null;
        SandboxServer emulator = null;
        Maintenance maintenance = null;
        List<ConfiguredStorage> configured = new ArrayList<>();
        try {
            state = StateStore.open(dataDir.resolve(STATE_FILE));
            if (sandbox) {
                emulator = SandboxMode.start(config, clock);
                config = SandboxMode.mount(config, emulator);
            }
            configured.addAll(new StorageAssembly(StorageAssembly.drivers(pacing), clock, state).build(config));
            List<Storage> storages = configured.stream().map(ConfiguredStorage::storage).toList();
            // interrupted writes of an earlier process are finished first; listings hide their leftovers meanwhile
            maintenance = Maintenance.start(storages, config.server().maintenanceInterval());
            List<MountSpec> mounts = new ArrayList<>();
            List<LoginTarget> logins = new ArrayList<>();
            for (ConfiguredStorage c : configured) {
                StorageConfig sc = c.config();
                mounts.add(new MountSpec(sc.mount(), c.storage(), sc.storeSystemFiles()));
                if (sc.driver().equals(LOGIN_DRIVER)) {
                    logins.add(new LoginTarget(sc.mount(), c.storage(), OpenPlatformApp.of(sc.driverOptions()), TokenFile.of(sc.driverOptions(), dataDir)));
                }
            }
            ServerSetup setup = new ServerSetup(config.server().host(), config.server().port(), dataDir, state,
                    config.readOnly(), config.allowAnonymous() || config.users().isEmpty(), authenticator(config), mounts, DownloadPolicies.build(config, configured, clock),
                    List.of(new LockingExtension(new LockManager(new LockTable(state)))), config.server()::trustsProxy,
                    config.server().limits(), logins);
            DavServer server = DavServer.start(setup, tlsSource(config.server()));
            // the port is open: the first answer does not wait for the cloud
            List<String> problems = StartupTokenCheck.problems(storages);
            return new Application(dataDirLock, state, emulator, storages, maintenance, server, config, problems);
        } catch (Exception | Error e) {
            try {
                if (maintenance != null) maintenance.close();
                configured.forEach(c -> c.storage().close());
                if (emulator != null) emulator.close();
            } finally {
                closeState(state, dataDirLock);
            }
            throw e;
        }
    }

    /** The user's certificate files, or the self-signed pair under data_dir (made on first use), or none. */
    private static Optional<TlsSource> tlsSource(ServerSettings server) {
        TlsSettings tls = server.tls();
        if (tls.selfSigned()) return Optional.of(SelfSignedCertificate.ensure(server.dataDir(), server.host(), tls.reloadInterval()));
        return tls.cert().map(cert -> new TlsSource(cert, tls.key().orElseThrow(), tls.reloadInterval()));
    }

    /** The database, then the lock: the next holder must find the database closed. */
    private static void closeState(StateStore state, DataDirLock dataDirLock) {
        try {
            if (state != null) state.close();
        } finally {
            dataDirLock.close();
        }
    }

    private static Authenticator authenticator(AppConfig config) {
        if (config.users().isEmpty()) return Authenticator.ANYONE;
        List<UserDirectory.User> users = new ArrayList<>();
        for (UserConfig u : config.users()) {
            MountScope mounts = u.mounts().isEmpty() ? MountScope.ALL : MountScope.only(u.mounts());
            users.add(new UserDirectory.User(u.name(), new PasswordCheck(u.passwordSpec()), u.readOnly(), u.admin(), mounts));
        }
        String decoy = PasswordHasher.decoy(config.users().stream().map(UserConfig::passwordSpec).toList());
        return new UserDirectory(users, new PasswordCheck(decoy));
    }

    /** Forgets cached listings at and below a WebDAV path ("/" = everything), as SIGHUP does. */
    public int dropCaches(String davPath) {
        return server.dropCaches(davPath);
    }

    /**
     * Runs every storage's maintenance pass now (finishing interrupted writes, removing leftovers), in
     * turn with the scheduled passes, and returns when it is done; the fault tests judge after it.
     */
    public void maintainNow() throws InterruptedException {
        maintenance.runNow();
    }

    public int port() {
        return server.port();
    }

    /** The URL clients mount (loopback when the server listens on every address). */
    public String url() {
        String host = config.server().host();
        if (host.equals("0.0.0.0") || host.equals("::")) host = "127.0.0.1";
        if (host.contains(":")) host = "[" + host + "]";
        return (server.certificate().isPresent() ? "https://" : "http://") + host + ":" + port() + "/";
    }

    /** Cloud storages whose token was refused or whose backend was unreachable when the server started. */
    public List<String> startupProblems() {
        return startupProblems;
    }

    /** The certificate served when the port speaks HTTPS. */
    public Optional<PemIdentity> certificate() {
        return server.certificate();
    }

    /** The emulator's API address in sandbox mode. */
    public java.util.Optional<SandboxServer> sandbox() {
        return java.util.Optional.ofNullable(sandbox);
    }

    public AppConfig config() {
        return config;
    }

    @Override
    public void close() {
        try {
            try {
                server.close();
            } catch (Exception e) {
                log.warn("stopping the HTTP server: {}", e.toString());
            }
            maintenance.close();
            storages.forEach(Storage::close);
            if (sandbox != null) sandbox.close();
        } finally {
            closeState(state, dataDirLock);
        }
    }
}
