package org.alidav.aliyun;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.alidav.drive.DriverOptions.OptionException;

/**
 * The token chains of one server, one per token file. Storages of the same app and the same account
 * ({@link TokenFile}) share one {@link TokenManager}: refresh tokens are single use, so two storages
 * refreshing one token each on their own would kill each other's. The application owns one and hands
 * it to the driver factory, beside its {@link UserPacing}; tests make their own.
 */
public final class TokenChains {
    private record Chain(TokenManager tokens, String configToken) {
    }

    private final Map<Path, Chain> chains = new HashMap<>();

    /**
     * Joins the chain kept in {@code file}, starting it with {@code create} when this is its first
     * storage. Storages that share a chain must not configure different refresh tokens.
     */
    synchronized StorageTokens join(Path file, String mount, String configToken, Supplier<TokenManager> create) {
        Chain chain = chains.get(file);
        if (chain == null) {
            chain = new Chain(create.get(), configToken);
            chains.put(file, chain);
        } else if (!configToken.isBlank() && !chain.configToken().isBlank() && !chain.configToken().equals(configToken)) {
            throw new OptionException("refresh_token", "differs from the refresh_token of another storage of the same account; "
                    + "storages of one account share one token: give it once (or the same on each), or set a different `account`");
        } else if (chain.configToken().isBlank() && !configToken.isBlank()) {
            chain = new Chain(chain.tokens(), configToken);
            chains.put(file, chain);
        }
        TokenManager tokens = chain.tokens();
        tokens.join(mount, configToken);
        return new StorageTokens(tokens, mount, () -> leave(file, tokens, mount));
    }

    private synchronized void leave(Path file, TokenManager tokens, String mount) {
        if (!tokens.leave(mount)) chains.computeIfPresent(file, (f, c) -> Objects.equals(c.tokens(), tokens) ? null : c);
    }
}
