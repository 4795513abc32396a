package org.alidav.sandbox;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** An object-store error: status plus the OSS-style XML body (not JSON, as on the real storage host). */
final class OssException extends RuntimeException {
    final int status;
    final String code;
    final String extraXml;

    OssException(int status, String code, String message) {
        this(status, code, message, "");
    }

    OssException(int status, String code, String message, String extraXml) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.extraXml = extraXml;
    }

    static OssException expired(long expiresEpochSec, long nowMillis) {
        String extra = "  <Expires>" + DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(expiresEpochSec))
                + "</Expires>\n  <ServerTime>" + DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(nowMillis / 1000 * 1000))
                + "</ServerTime>\n";
        return new OssException(403, "AccessDenied", "Request has expired.", extra);
    }

    static OssException badSignature() {
        return new OssException(403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided.");
    }

    void write(HttpServletResponse resp) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.reset();
        String requestId = Ids.hex(24).toUpperCase();
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>" + code + "</Code>\n  <Message>"
                + getMessage() + "</Message>\n  <RequestId>" + requestId + "</RequestId>\n  <HostId>sandbox-oss</HostId>\n"
                + extraXml + "</Error>\n";
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/xml");
        resp.setHeader("x-oss-request-id", requestId);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
