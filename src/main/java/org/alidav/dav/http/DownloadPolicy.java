package org.alidav.dav.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.alidav.dav.resource.FileResource;

/**
 * How a GET or HEAD of a file is answered: the one decision point for downloads. Today there is one
 * policy, {@link StreamDownload}, which streams through the storage; a later policy may answer a
 * 302 to a cloud link or a signed proxy URL for some clients and delegate the rest to streaming.
 */
public interface DownloadPolicy {
    void respond(HttpServletRequest request, HttpServletResponse response, FileResource file) throws IOException;
}
