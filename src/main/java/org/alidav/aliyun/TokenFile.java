package org.alidav.aliyun;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.alidav.config.StorageConfig;
import org.alidav.drive.DriverOptions;

/**
 * The token state file of one {@code aliyundrive-open} storage, for the writers outside the driver
 * ({@code alidav login}, the {@code /-/login} page): the one place that knows where that file is and
 * how a new login goes into it.
 */
public final class TokenFile {
    private final TokenStore store;
    /** The storage's {@code refresh_token} option, or null when it has none. */
    private final String configToken;

    private TokenFile(TokenStore store, String configToken) {
        this.store = store;
        this.configToken = configToken;
    }

    /** The file the driver of {@code storage} reads at start, under {@code dataDir}. */
    public static TokenFile of(StorageConfig storage, Path dataDir) {
        String token = new DriverOptions(storage.driverOptions()).string("refresh_token", null);
        return new TokenFile(new TokenStore(storage.stateDir(dataDir)), token == null || token.isBlank() ? null : token.trim());
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
