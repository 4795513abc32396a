package org.alidav.aliyun;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.alidav.drive.DriverOptions;

/**
 * The token state file of an {@code aliyundrive-open} storage, for the driver and for the writers
 * outside it ({@code alidav login}, the {@code /-/login} page): the one place that knows where that
 * file is and how a new login goes into it.
 *
 * <p>The file belongs to the storage's token chain, {@code <data_dir>/tokens/aliyundrive-open-<id>.json},
 * computed from the options alone. The id names the app (own client id at an API base, or the online
 * renew server and {@code alipan_type}) and the account: the {@code account} option, else the
 * configured {@code refresh_token}, else none. So storages configured with one token share one chain,
 * and storages without a token share the login of their app unless {@code account} tells them apart.
 * A running server takes up a login saved here at its next request ({@link TokenManager}).
 */
public final class TokenFile {
    private final TokenStore store;
    /** The storage's {@code refresh_token} option, or null when it has none. */
    private final String configToken;

    private TokenFile(TokenStore store, String configToken) {
        this.store = store;
        this.configToken = configToken;
    }

    /** The file the driver of a storage with driver options {@code options} reads, under {@code dataDir}. */
    public static TokenFile of(Map<String, ?> options, Path dataDir) {
        AliyunOptions o = AliyunOptions.read(new DriverOptions(AliyunOptions.OPTIONS, options));
        return new TokenFile(new TokenStore(chainFile(dataDir, o), null), o.refreshToken().isBlank() ? null : o.refreshToken());
    }

    /** Where the chain of a storage with options {@code o} is kept. */
    static Path chainFile(Path dataDir, AliyunOptions o) {
        String app = o.usesOwnApp() ? "app " + o.apiBaseUrl() + " " + o.clientId() : "online " + o.apiUrlAddress() + " " + o.alipanType();
        String account = !o.account().isBlank() ? "account " + o.account()
                : !o.refreshToken().isBlank() ? "token " + TokenStore.fingerprint(o.refreshToken()) : "login";
        String id = TokenStore.fingerprint(app + "\n" + account).substring(0, 16);
        return dataDir.resolve("tokens").resolve("aliyundrive-open-" + id + ".json");
    }

    public Path path() {
        return store.file();
    }

    /**
     * Writes the tokens of a new login atomically (temp file, fsync, rename), owner-only. The chain is
     * marked as descending from the config's {@code refresh_token}, so a restart keeps this login
     * rather than going back to an older token still in the config ({@link TokenStore#initial}); a
     * token pasted into the config later still wins, as it does today.
     */
    public void saveLogin(String refreshToken, String accessToken) throws IOException {
        Objects.requireNonNull(refreshToken, "refreshToken");
        String origin = TokenStore.fingerprint(configToken != null ? configToken : refreshToken);
        store.save(new TokenState(origin, refreshToken, accessToken));
    }
}
