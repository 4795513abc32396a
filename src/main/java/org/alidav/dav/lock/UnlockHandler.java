package org.alidav.dav.lock;

import io.milton.http.Handler;
import io.milton.http.HttpManager;
import io.milton.http.Request;
import io.milton.http.Response;
import io.milton.http.exceptions.BadRequestException;
import io.milton.http.exceptions.NotAuthorizedException;
import io.milton.resource.Resource;
import java.util.Optional;
import java.util.function.Function;

/** RFC 4918 §9.11 UNLOCK: removes the lock named in the Lock-Token header if it covers the request URI. */
final class UnlockHandler implements Handler {
    private final LockManager locks;
    private final ResourceAccess access;
    private final Function<Request, String> principal;

    UnlockHandler(LockManager locks, ResourceAccess access, Function<Request, String> principal) {
        this.locks = locks;
        this.access = access;
        this.principal = principal;
    }

    @Override
    public String[] getMethods() {
        return new String[] {Request.Method.UNLOCK.code};
    }

    @Override
    public boolean isCompatible(Resource resource) {
        return true;
    }

    @Override
    public void process(HttpManager manager, Request request, Response response)
            throws NotAuthorizedException, BadRequestException {
        String token = codedUrl(request.getLockTokenHeader());
        Optional<ResourceAccess.Target> target = access.find(manager, request);
        if (target.isEmpty()) {
            notMatching(response); // nothing there, so nothing of it is locked
            return;
        }
        if (!access.authorise(manager, request, response, target.get().resource())) {
            return;
        }
        String path = LockPaths.fromUrl(request.getAbsoluteUrl());
        Optional<ActiveLock> lock = locks.find(token).filter(l -> l.covers(path));
        if (lock.isEmpty()) {
            notMatching(response);
        } else if (!lock.get().isHeldBy(principal.apply(request))) {
            DavReplies.status(response, Response.Status.SC_FORBIDDEN); // someone else's lock
        } else {
            locks.unlock(token);
            DavReplies.status(response, Response.Status.SC_NO_CONTENT);
        }
    }

    private static void notMatching(Response response) {
        DavReplies.xml(response, Response.Status.SC_CONFLICT, LockXml.error("lock-token-matches-request-uri", null));
    }

    /** The token inside {@code Lock-Token: <urn:uuid:…>}. */
    private static String codedUrl(String header) throws BadRequestException {
        String value = header == null ? "" : header.trim();
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1).trim();
        }
        if (value.isEmpty()) {
            throw new BadRequestException("UNLOCK needs a Lock-Token header");
        }
        return value;
    }
}
