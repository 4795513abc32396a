package org.alidav.aliyun;

import org.alidav.drive.HealthReporter;
import org.alidav.drive.LoginRequired;

/**
 * One storage's hold on its token chain: a login error names this storage's mount (the chain may
 * serve several), and {@link #close} leaves the chain.
 */
final class StorageTokens implements AutoCloseable {
    private final TokenManager chain;
    private final String mount;
    private final Runnable leave;

    StorageTokens(TokenManager chain, String mount, Runnable leave) {
        this.chain = chain;
        this.mount = mount;
        this.leave = leave;
    }

    String accessToken() {
        try {
            return chain.accessToken();
        } catch (LoginRequired e) {
            throw e.forMount(mount);
        }
    }

    /** The server refused {@code rejected}: a fresh token, refreshed unless another caller already did. */
    String rejected(String rejected) {
        try {
            return chain.rejected(rejected);
        } catch (LoginRequired e) {
            throw e.forMount(mount);
        }
    }

    HealthReporter.TokenState state() {
        return chain.tokenState();
    }

    @Override
    public void close() {
        leave.run();
    }
}
