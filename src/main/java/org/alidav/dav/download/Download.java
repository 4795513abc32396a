package org.alidav.dav.download;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.alidav.dav.resource.FileResource;
import org.alidav.dav.sign.SignedRoute;

/**
 * A way to answer a GET or HEAD of a file. {@link PolicyResolver} is the one decision point: it
 * picks per request, by the {@link DownloadPolicy} of the client rules and of the storage, one of
 * {@link RedirectDownload} (302 to the cloud), {@link StreamDownload} (through this server) and
 * {@link ProxyUrlDownload} (302 to a signed external proxy URL).
 */
public interface Download {
    void respond(HttpServletRequest request, HttpServletResponse response, FileResource file) throws IOException;

    /** The signed-link route the server must also serve for these downloads, if any. */
    default Optional<SignedRoute> signedRoute() {
        return Optional.empty();
    }
}
