package org.alidav.dav.sign;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.alidav.dav.resource.FileResource;

/**
 * Signed download links, {@code <prefix>/<WebDAV path>?sign=...}: served without WebDAV
 * authentication, to whoever holds a valid signature (an external download proxy).
 *
 * @param prefix    where the route is served, such as {@code /d}
 * @param signer    checks the {@code sign} parameter against the WebDAV path
 * @param responder answers a request whose signature is good
 */
public record SignedRoute(String prefix, LinkSigner signer, Responder responder) {
    /** Answers a GET or HEAD of a file after its signature was checked. */
    @FunctionalInterface
    public interface Responder {
        void respond(HttpServletRequest request, HttpServletResponse response, FileResource file) throws IOException;
    }
}
