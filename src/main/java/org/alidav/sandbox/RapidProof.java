package org.alidav.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HexFormat;

/**
 * proof_code v1 (docs/open-api.md, "Uploads"): MD5 of the request's access token, first 16 hex chars as an
 * unsigned 64-bit number, modulo the size gives the offset of up to 8 bytes, Base64 with padding.
 */
final class RapidProof {
    private RapidProof() {
    }

    static String expected(String accessToken, Path content, long size) {
        if (size == 0) {
            return "";
        }
        String md5 = HexFormat.of().formatHex(Hashing.digest("MD5").digest(accessToken.getBytes(StandardCharsets.UTF_8)));
        long start = new BigInteger(md5.substring(0, 16), 16).mod(BigInteger.valueOf(size)).longValue();
        int len = (int) Math.min(8, size - start);
        ByteBuffer buf = ByteBuffer.allocate(len);
        try (FileChannel ch = FileChannel.open(content, StandardOpenOption.READ)) {
            while (buf.hasRemaining() && ch.read(buf, start + buf.position()) > 0) {
                // keep reading until the (at most 8) bytes are in
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(buf.array());
    }
}
