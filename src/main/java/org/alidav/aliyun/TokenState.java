package org.alidav.aliyun;

/**
 * What the token store keeps between runs.
 *
 * @param origin       SHA-256 of the configured refresh token this chain of rotations started from
 * @param refreshToken the newest refresh token
 * @param accessToken  the access token issued with it, or null
 */
record TokenState(String origin, String refreshToken, String accessToken) {
}
