package org.alidav.dav.download;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.alidav.dav.http.HttpDates;
import org.alidav.dav.http.Preconditions;
import org.alidav.dav.resource.ETags;
import org.alidav.dav.resource.FileResource;
import org.alidav.drive.Entry;
import org.alidav.drive.Features.Capability;
import org.alidav.drive.Link;

/**
 * {@code 302_redirect}: a GET is answered with a redirect to the cloud's signed URL, which the
 * client fetches itself (Range included). HEAD is answered from metadata by {@code proxy} (size,
 * type, validators) and costs no link lookup. Files with no link of their own (local storages), and
 * links that need request headers a client cannot be made to send, are streamed by {@code proxy}.
 */
public final class RedirectDownload implements Download {
    private final Download proxy;

    public RedirectDownload(Download proxy) {
        this.proxy = proxy;
    }

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, FileResource file) throws IOException {
        if (!request.getMethod().equals("GET") || !linkable(file)) {
            proxy.respond(request, response, file);
            return;
        }
        if (answeredConditionally(request, response, file)) return;
        Optional<Link> link = file.location().storage().link(file.entry());
        if (link.isEmpty() || !link.get().headers().isEmpty()) {
            proxy.respond(request, response, file);
            return;
        }
        redirect(response, link.get().url());
    }

    static boolean linkable(FileResource file) {
        return file.location().storage().features().has(Capability.LINKS) && file.entry().size() > 0;
    }

    /** 304 or 412 when the conditional headers say so (validators only there: a redirect carries none). */
    static boolean answeredConditionally(HttpServletRequest request, HttpServletResponse response, FileResource file) {
        Entry e = file.entry();
        String etag = ETags.of(e);
        switch (new Preconditions(etag, e.modified()).evaluate(request)) {
            case NOT_MODIFIED -> {
                response.setHeader("ETag", etag);
                response.setHeader("Last-Modified", HttpDates.format(e.modified()));
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return true;
            }
            case PRECONDITION_FAILED -> {
                response.setStatus(HttpServletResponse.SC_PRECONDITION_FAILED);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * A 302 no cache may keep (the target dies with its signature) and that makes the client send no
     * {@code Referer}: the object storage refuses foreign ones (docs/open-api.md, "Object storage and WebDAV clients"). The location goes out as
     * the cloud made it: its download URLs already name the file in a signed
     * {@code response-content-disposition} (attachment, {@code filename*} in UTF-8), which the object
     * store answers as the Content-Disposition; a parameter added here would void the signature.
     */
    static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentLengthLong(0);
    }
}
