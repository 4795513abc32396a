package org.alidav.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pre-signed object URLs: {@code x-oss-expires} (unix seconds), a generation number (bumped by the
 * "expire all URLs" fault) and an HMAC over both plus the path and the
 * {@code response-content-disposition} the URL carries (signed, as OSS signs its response-*
 * parameters: a changed file name is a bad signature). The key is persisted so URLs survive
 * a restart.
 */
final class UrlSigner {
    enum Verdict { OK, BAD_SIGNATURE, EXPIRED }

    private final byte[] key;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();

    UrlSigner(Path dataDir, Clock clock) {
        this.clock = clock;
        Path file = dataDir.resolve("url-signing-key");
        try {
            if (Files.exists(file)) {
                key = HexFormat.of().parseHex(Files.readString(file).trim());
            } else {
                key = Ids.bytes(32);
                AtomicFiles.write(file, HexFormat.of().formatHex(key).getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The query string (without '?') that makes {@code path} fetchable until {@code expiresEpochSec};
     * {@code disposition}, when not null, is answered as the object's Content-Disposition.
     */
    String sign(String path, String disposition, long expiresEpochSec) {
        long gen = generation.get();
        String query = disposition == null ? ""
                : "response-content-disposition=" + URLEncoder.encode(disposition, StandardCharsets.UTF_8).replace("+", "%20") + "&";
        return query + "x-oss-expires=" + expiresEpochSec + "&x-oss-gen=" + gen
                + "&x-oss-signature=" + mac(path, disposition, expiresEpochSec, gen);
    }

    Verdict verify(String path, String disposition, String expires, String gen, String signature) {
        long exp;
        long g;
        try {
            exp = Long.parseLong(expires);
            g = Long.parseLong(gen);
        } catch (NumberFormatException | NullPointerException e) {
            return Verdict.BAD_SIGNATURE;
        }
        if (signature == null || !MessageDigest.isEqual(
                mac(path, disposition, exp, g).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.BAD_SIGNATURE;
        }
        if (g < generation.get() || clock.millis() / 1000 >= exp) {
            return Verdict.EXPIRED;
        }
        return Verdict.OK;
    }

    /** Invalidates every URL handed out so far. */
    void expireAll() {
        generation.incrementAndGet();
    }

    private String mac(String path, String disposition, long expires, long gen) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal((path + "\n" + (disposition == null ? "" : disposition) + "\n" + expires + "\n" + gen).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (java.security.NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
