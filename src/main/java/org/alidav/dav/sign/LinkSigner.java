package org.alidav.dav.sign;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs download paths for external proxies in OpenList's format, so its proxies work unchanged:
 * {@code sign = base64url(HMAC-SHA256(key, path + ":" + expiry)) + ":" + expiry}, base64url with
 * padding, expiry in Unix seconds, {@code 0} meaning "never" (only when configured on purpose).
 */
public final class LinkSigner {
    private final byte[] key;
    private final Duration lifetime;
    private final Clock clock;

    /** @param lifetime how long a signature stays valid; {@link Duration#ZERO} = forever */
    public LinkSigner(byte[] key, Duration lifetime, Clock clock) {
        if (key.length < 16) throw new IllegalArgumentException("a signing key needs at least 16 bytes");
        this.key = key.clone();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The {@code sign} value for a path, valid for the configured lifetime from now. */
    public String sign(String path) {
        long expiry = lifetime.isZero() ? 0 : clock.instant().plus(lifetime).getEpochSecond();
        return sign(path, expiry);
    }

    String sign(String path, long expiry) {
        return mac(path + ":" + expiry) + ":" + expiry;
    }

    /** True when {@code sign} is a signature of {@code path} made with our key that has not expired. */
    public boolean verify(String path, String sign) {
        if (sign == null) return false;
        int colon = sign.lastIndexOf(':');
        if (colon <= 0) return false;
        long expiry;
        try {
            expiry = Long.parseLong(sign.substring(colon + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (expiry != 0 && clock.instant().getEpochSecond() > expiry) return false;
        byte[] expected = sign(path, expiry).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, sign.getBytes(StandardCharsets.UTF_8));
    }

    private String mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
