package org.alidav.dav.lock;

import io.milton.http.Handler;
import io.milton.http.HttpManager;
import io.milton.http.Request;
import io.milton.http.Response;
import io.milton.http.exceptions.BadRequestException;
import io.milton.http.exceptions.NotAuthorizedException;
import io.milton.resource.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * RFC 4918 §9.10 LOCK: a {@code lockinfo} body creates a lock (201 and an empty resource on an unmapped
 * URL), an empty body with an If header refreshes one. The {@link LockGuard} has already evaluated the If
 * header and checked the tokens needed to add a member to a locked collection.
 */
final class LockHandler implements Handler {
    /** A lockinfo is a few hundred bytes; anything far larger is not one. */
    private static final int MAX_BODY = 64 * 1024;

    private final LockManager locks;
    private final LockTargets targets;
    private final ResourceAccess access;
    private final Function<Request, String> principal;

    LockHandler(LockManager locks, LockTargets targets, ResourceAccess access, Function<Request, String> principal) {
        this.locks = locks;
        this.targets = targets;
        this.access = access;
        this.principal = principal;
    }

    @Override
    public String[] getMethods() {
        return new String[] {Request.Method.LOCK.code};
    }

    @Override
    public boolean isCompatible(Resource resource) {
        return true;
    }

    @Override
    public void process(HttpManager manager, Request request, Response response)
            throws NotAuthorizedException, BadRequestException {
        Optional<ResourceAccess.Target> target = access.find(manager, request);
        if (target.isEmpty()) {
            DavReplies.status(response, Response.Status.SC_CONFLICT); // RFC 4918 §9.10.4: no parent
            return;
        }
        if (!access.authorise(manager, request, response, target.get().resource())) {
            return;
        }
        String path = LockPaths.fromUrl(request.getAbsoluteUrl());
        byte[] body = readBody(request);
        Duration timeout = TimeoutHeader.parse(request.getTimeoutHeader()).orElse(TimeoutHeader.INFINITE);
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            refresh(request, response, path, timeout);
        } else {
            create(request, response, path, body, timeout, target.get().exists());
        }
    }

    private void create(Request request, Response response, String path, byte[] body, Duration timeout,
                        boolean exists) throws BadRequestException {
        LockInfoBody info;
        try {
            info = LockInfoBody.parse(body);
        } catch (LockInfoBody.MalformedLockInfoException e) {
            throw new BadRequestException(e.getMessage());
        }
        LockRequest wanted = new LockRequest(path, info.scope(), depth(request), info.ownerXml(),
                principal.apply(request), timeout);
        ActiveLock lock;
        try {
            lock = locks.lock(wanted);
        } catch (LockConflictException e) {
            DavReplies.xml(response, Response.Status.SC_LOCKED, LockXml.error("no-conflicting-lock", e.conflicting().root()));
            return;
        }
        if (!exists) {
            try {
                targets.createEmpty(path);
            } catch (TargetConflictException e) {
                locks.unlock(lock.token());
                DavReplies.status(response, Response.Status.SC_CONFLICT);
                return;
            }
        }
        response.setLockTokenHeader("<" + lock.token() + ">");
        DavReplies.xml(response, exists ? Response.Status.SC_OK : Response.Status.SC_CREATED,
                LockXml.lockResponse(lock, locks.now()));
    }

    /**
     * Refreshes the lock named by a submitted token that protects the request URI: its own lock, or for an
     * indirect refresh the depth-infinity lock of an ancestor (RFC 4918 §9.10.2).
     */
    private void refresh(Request request, Response response, String path, Duration timeout) throws BadRequestException {
        String ifValue = request.getIfHeader();
        if (ifValue == null) {
            throw new BadRequestException("LOCK without body is a refresh and needs an If header");
        }
        Set<String> submitted;
        try {
            submitted = IfHeader.parse(ifValue).submittedTokens(path, new LockState(locks, targets));
        } catch (MalformedIfHeaderException e) {
            throw new BadRequestException(e.getMessage());
        }
        String user = principal.apply(request);
        Optional<ActiveLock> refreshed = locks.locksCovering(path).stream()
                .filter(l -> submitted.contains(l.token()) && l.isHeldBy(user))
                .findFirst()
                .flatMap(l -> locks.refresh(l.token(), timeout));
        if (refreshed.isEmpty()) {
            DavReplies.xml(response, Response.Status.SC_PRECONDITION_FAILED, LockXml.error("lock-token-matches-request-uri", null));
            return;
        }
        DavReplies.xml(response, Response.Status.SC_OK, LockXml.lockResponse(refreshed.get(), locks.now()));
    }

    private static LockDepth depth(Request request) throws BadRequestException {
        String value = request.getRequestHeader(Request.Header.DEPTH);
        if (value == null || value.trim().equalsIgnoreCase("infinity")) {
            return LockDepth.INFINITY;
        }
        if (value.trim().equals("0")) {
            return LockDepth.ZERO;
        }
        throw new BadRequestException("LOCK Depth must be 0 or infinity, not " + value);
    }

    private static byte[] readBody(Request request) throws BadRequestException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new BadRequestException("LOCK body larger than " + MAX_BODY + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("reading LOCK body", e);
        }
    }
}
