package org.alidav.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;

/** Checks that apply to every pre-signed object-store request. */
final class SignedRequests {
    /** The signed query parameter whose value a download answers as its Content-Disposition. */
    static final String DISPOSITION = "response-content-disposition";

    private SignedRequests() {
    }

    static void verify(HttpServletRequest req, UrlSigner signer, Clock clock) {
        String expires = req.getParameter("x-oss-expires");
        UrlSigner.Verdict v = signer.verify(req.getRequestURI(), req.getParameter(DISPOSITION), expires,
                req.getParameter("x-oss-gen"), req.getParameter("x-oss-signature"));
        switch (v) {
            case BAD_SIGNATURE -> throw OssException.badSignature();
            case EXPIRED -> throw OssException.expired(Long.parseLong(expires), clock.millis());
            case OK -> { }
        }
    }

    /** The storage bucket only allows an empty Referer or the drive's own web origins. */
    static void checkReferer(HttpServletRequest req) {
        String referer = req.getHeader("Referer");
        if (referer == null || referer.isBlank()) {
            return;
        }
        String host;
        try {
            host = URI.create(referer.trim()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        boolean allowed = host.equals("aliyundrive.com") || host.endsWith(".aliyundrive.com")
                || host.equals("alipan.com") || host.endsWith(".alipan.com");
        if (!allowed) {
            throw new OssException(403, "AccessDenied", "You are denied by bucket referer policy.");
        }
    }
}
