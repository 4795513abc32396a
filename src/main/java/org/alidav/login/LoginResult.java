package org.alidav.login;

/**
 * A finished login. {@link #toString()} shows the account, never a token.
 *
 * @param refreshToken the new refresh token (rotates on every refresh from now on)
 * @param accessToken  the access token issued with it
 * @param account      who logged in and which drives they granted
 */
public record LoginResult(String refreshToken, String accessToken, Account account) {
    @Override
    public String toString() {
        return "LoginResult[" + account + "]";
    }
}
