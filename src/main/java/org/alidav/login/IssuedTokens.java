package org.alidav.login;

/** The tokens the authorization code was exchanged for. {@link #toString()} shows no token. */
record IssuedTokens(String accessToken, String refreshToken) {
    @Override
    public String toString() {
        return "IssuedTokens[…]";
    }
}
