package org.alidav.dav.upload;

import io.milton.http.Handler;
import io.milton.http.HttpManager;
import io.milton.http.Request;
import io.milton.http.Response;
import io.milton.http.exceptions.BadRequestException;
import io.milton.resource.Resource;
import io.milton.servlet.ServletRequest;
import io.milton.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.alidav.dav.http.PathEncoding;
import org.alidav.dav.http.Preconditions;
import org.alidav.dav.http.ShutdownCutOff;
import org.alidav.dav.mount.Location;
import org.alidav.dav.mount.MountTable;
import org.alidav.dav.mount.NameCharacters;
import org.alidav.dav.mount.ShadowFiles;
import org.alidav.dav.resource.DavResourceFactory;
import org.alidav.dav.resource.ETags;
import org.alidav.drive.DriveException;
import org.alidav.drive.Entry;
import org.alidav.drive.Features.Capability;
import org.alidav.drive.Quota;
import org.alidav.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PUT, replacing Milton's PutHandler, which creates missing parent folders, replaces a folder by a
 * file, stores 0 bytes for form-encoded bodies, leaks temp files on Content-Range and skips the quota
 * check for chunked bodies. Here: the body streams straight into {@code Storage.put}; a missing
 * parent is 409; a folder (or mount root) at the URL is 405; Content-Range is 400 (RFC 9110
 * §14.5); a size known up front that exceeds the storage's known quota (cached from a recent PROPFIND,
 * never fetched for the PUT) is 507 before a byte is read; otherwise the storage's own refusal is.
 */
public final class PutHandler implements Handler {
    private static final Logger log = LoggerFactory.getLogger(PutHandler.class);

    private final DavResourceFactory factory;

    public PutHandler(DavResourceFactory factory) {
        this.factory = factory;
    }

    @Override
    public String[] getMethods() {
        return new String[]{Request.Method.PUT.code};
    }

    @Override
    public boolean isCompatible(Resource r) {
        return r instanceof org.alidav.dav.resource.FileResource;
    }

    @Override
    public void process(HttpManager manager, Request request, Response response) throws BadRequestException {
        HttpServletRequest req = ServletRequest.getRequest();
        HttpServletResponse resp = ServletResponse.getResponse();
        if (req.getHeader("Content-Range") != null) throw new BadRequestException("partial PUT (Content-Range) is not supported");
        Optional<MountTable.Target> target = factory.target(PathEncoding.decodedPath(request));
        if (target.isEmpty()) throw DriveException.conflict("no parent folder");
        if (!(target.get() instanceof MountTable.InMount in) || in.location().path().isRoot()) {
            methodNotAllowed(resp);
            return;
        }
        Location at = in.location();
        Entry existing = at.storage().find(at.path()).orElse(null);
        if (existing != null && existing.folder()) {
            methodNotAllowed(resp);
            return;
        }
        if (existing == null) NameCharacters.requireCreatable(at.path().name());
        Preconditions pre = existing == null ? Preconditions.absent() : new Preconditions(ETags.of(existing), existing.modified());
        if (pre.evaluate(req) != Preconditions.Outcome.PROCEED) {
            resp.setStatus(HttpServletResponse.SC_PRECONDITION_FAILED);
            return;
        }
        UploadHeaders upload = UploadHeaders.of(req);
        checkQuota(at, upload.size(), existing);
        ShadowFiles.ensureParents(at);
        Entry written = store(req, at, upload);
        resp.setStatus(existing == null ? HttpServletResponse.SC_CREATED : HttpServletResponse.SC_NO_CONTENT);
        resp.setHeader("ETag", ETags.of(written));
        if (upload.modified() != null && at.storage().features().has(Capability.SET_MOD_TIME)) resp.setHeader("X-OC-MTime", "accepted");
        resp.setContentLength(0);
    }

    private static Entry store(HttpServletRequest req, Location at, UploadHeaders upload) {
        ClientBody body;
        try {
            body = new ClientBody(req.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return at.storage().put(at.path(), body, upload.size(), upload.modified(), upload.sha1());
        } catch (RuntimeException e) {
            if (body.failure() != null && ShutdownCutOff.stopping(req)) {
                log.info("PUT {}: upload cut off by the server's shutdown after part of the body; nothing stored",
                        LogText.escape(at.davPath()));
                throw new ShutdownCutOff(body.failure());
            }
            if (body.failure() != null) {
                log.info("PUT {}: client stopped sending after part of the body ({}); nothing stored", LogText.escape(at.davPath()),
                        LogText.escape(body.failure()));
                throw new UncheckedIOException(body.failure());
            }
            throw e;
        }
    }

    private static void checkQuota(Location at, long size, Entry existing) {
        if (size <= 0 || at.storage() != at.mount().storage()) return;
        Optional<Quota> quota = at.storage().knownQuota();
        long freed = existing == null ? 0 : existing.size();
        if (quota.isPresent() && size > quota.get().available() + freed) {
            throw new DriveException(DriveException.Kind.QUOTA_EXCEEDED, "not enough space for " + size + " bytes");
        }
    }

    private static void methodNotAllowed(HttpServletResponse resp) {
        resp.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        resp.setHeader("Allow", "OPTIONS, GET, HEAD, PROPFIND, PROPPATCH, MKCOL, DELETE, MOVE, COPY");
    }
}
