package org.alidav.aliyun;

import java.nio.file.Path;
import java.util.Map;
import org.alidav.drive.DriverOptions;

/**
 * Where the token chain of an {@code aliyundrive-open} storage is kept, computed from its options
 * alone so that the server and {@code alidav login} agree on the file:
 * {@code <data_dir>/tokens/aliyundrive-open-<id>.json}. The id names the app (own client id at an
 * API base, or the online renew server and {@code alipan_type}) and the account: the {@code account}
 * option, else the configured {@code refresh_token}, else none. So storages configured with one token
 * share one chain, and storages without a token share the login of their app unless {@code account}
 * tells them apart.
 */
public final class TokenFiles {
    private TokenFiles() {
    }

    /** The token file of the storage with these driver options (as in the config). */
    public static Path of(Path dataDir, Map<String, ?> driverOptions) {
        return of(dataDir, AliyunOptions.read(new DriverOptions(driverOptions)));
    }

    static Path of(Path dataDir, AliyunOptions o) {
        String app = o.usesOwnApp() ? "app " + o.apiBaseUrl() + " " + o.clientId() : "online " + o.apiUrlAddress() + " " + o.alipanType();
        String account = !o.account().isBlank() ? "account " + o.account()
                : !o.refreshToken().isBlank() ? "token " + TokenStore.fingerprint(o.refreshToken()) : "login";
        String id = TokenStore.fingerprint(app + "\n" + account).substring(0, 16);
        return dataDir.resolve("tokens").resolve("aliyundrive-open-" + id + ".json");
    }
}
