package org.alidav.dav.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.alidav.dav.resource.FileResource;
import org.alidav.dav.sign.SignedRoute;

/**
 * How a GET or HEAD of a file is answered: the one decision point for downloads.
 * {@link PolicyResolver} picks per request, from the storage's {@code webdav_policy} and the client
 * rules, one of {@link RedirectDownload} (302 to the cloud), {@link StreamDownload} (through this
 * server) and {@link ProxyUrlDownload} (302 to a signed external proxy URL).
 */
public interface DownloadPolicy {
    void respond(HttpServletRequest request, HttpServletResponse response, FileResource file) throws IOException;

    /** The signed-link route the server must also serve for this policy, if any. */
    default Optional<SignedRoute> signedRoute() {
        return Optional.empty();
    }
}
