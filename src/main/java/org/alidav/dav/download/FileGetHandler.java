package org.alidav.dav.download;

import io.milton.http.Handler;
import io.milton.http.HttpManager;
import io.milton.http.Request;
import io.milton.http.Response;
import io.milton.http.exceptions.BadRequestException;
import io.milton.http.exceptions.NotAuthorizedException;
import io.milton.http.exceptions.NotFoundException;
import io.milton.resource.CollectionResource;
import io.milton.resource.Resource;
import io.milton.servlet.ServletRequest;
import io.milton.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.alidav.dav.http.FolderListingPage;
import org.alidav.dav.http.PathEncoding;
import org.alidav.dav.resource.FileResource;

/**
 * GET and HEAD, replacing Milton's GetHandler: files go to the {@link Download}, folders get
 * an HTML listing (Milton answers 501 for folders, and mishandles ranges and conditionals).
 */
public final class FileGetHandler implements Handler {
    private final Download downloads;

    public FileGetHandler(Download downloads) {
        this.downloads = downloads;
    }

    @Override
    public String[] getMethods() {
        return new String[]{Request.Method.GET.code, Request.Method.HEAD.code};
    }

    @Override
    public boolean isCompatible(Resource r) {
        return r instanceof FileResource || r instanceof CollectionResource;
    }

    @Override
    public void process(HttpManager manager, Request request, Response response) throws NotAuthorizedException, BadRequestException, NotFoundException {
        Resource r = manager.getResourceFactory().getResource(request.getHostHeader(), PathEncoding.decodedPath(request));
        if (r == null) throw new NotFoundException("no such resource");
        HttpServletRequest req = ServletRequest.getRequest();
        boolean head = request.getMethod() == Request.Method.HEAD;
        try {
            if (r instanceof FileResource f) {
                downloads.respond(req, ServletResponse.getResponse(), f.served());
            } else if (r instanceof CollectionResource c) {
                FolderListingPage.respond(ServletResponse.getResponse(), PathEncoding.decodedPath(request), c, head,
                        req.getParameter("sort"), req.getParameter("order"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
