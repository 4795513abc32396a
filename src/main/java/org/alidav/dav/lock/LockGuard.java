package org.alidav.dav.lock;

import io.milton.http.Filter;
import io.milton.http.FilterChain;
import io.milton.http.Request;
import io.milton.http.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.alidav.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before Milton's handlers: evaluates the If header (400 malformed, 412 false) and refuses writes to
 * locked resources whose lock token was not submitted by the lock's principal (423).
 *
 * <p>A Milton {@link Filter} rather than code in the servlet: it is installed through the builder, sees
 * Milton's parsed request, and so needs nothing from the bridge servlet. It runs before Milton's
 * authentication: the principal is the user name the client claims, which Milton verifies afterwards, so
 * a forged name only gets a 401 later; a 412/423 may reach a client that would otherwise get 401.
 */
final class LockGuard implements Filter {
    private static final Logger log = LoggerFactory.getLogger(LockGuard.class);

    private final LockManager locks;
    private final LockState state;
    private final ProtectedPaths protectedPaths;
    private final Function<Request, String> principal;

    LockGuard(LockManager locks, LockTargets targets, Function<Request, String> principal) {
        this.locks = locks;
        this.state = new LockState(locks, targets);
        this.protectedPaths = new ProtectedPaths(locks, targets);
        this.principal = principal;
    }

    @Override
    public void process(FilterChain chain, Request request, Response response) {
        if (admitted(request, response)) {
            chain.process(request, response);
        } else {
            chain.getHttpManager().closeResponse(response);
        }
    }

    /** True if Milton may handle the request; otherwise the refusal has been written. */
    private boolean admitted(Request request, Response response) {
        String method = request.getMethod().code;
        String target;
        Optional<String> destination;
        try {
            target = LockPaths.fromUrl(request.getAbsoluteUrl());
            destination = Optional.ofNullable(request.getDestinationHeader()).map(LockPaths::fromUrl);
        } catch (IllegalArgumentException badUrl) {
            DavReplies.status(response, Response.Status.SC_BAD_REQUEST);
            return false;
        }
        Set<String> submitted = Set.of();
        String ifValue = request.getIfHeader();
        if (ifValue != null) {
            IfHeader ifHeader;
            try {
                ifHeader = IfHeader.parse(ifValue);
            } catch (MalformedIfHeaderException e) {
                log.debug("{}", LogText.escape(e.getMessage()));
                DavReplies.status(response, Response.Status.SC_BAD_REQUEST);
                return false;
            }
            if (!ifHeader.evaluate(target, state)) {
                DavReplies.status(response, Response.Status.SC_PRECONDITION_FAILED);
                return false;
            }
            submitted = ifHeader.submittedTokens(target, state);
        }
        Optional<ActiveLock> missing = firstWithoutToken(protectedPaths.of(method, target, destination),
                submitted, principal.apply(request));
        missing.ifPresent(lock -> DavReplies.locked(response, lock));
        return missing.isEmpty();
    }

    /** A lock protecting one of the paths, none of whose locks was submitted by its own principal. */
    private Optional<ActiveLock> firstWithoutToken(Set<String> paths, Set<String> submitted, String user) {
        for (String path : paths) {
            List<ActiveLock> covering = locks.locksCovering(path);
            // with shared locks, any one lock the requester holds and submitted is enough
            boolean satisfied = covering.stream().anyMatch(l -> submitted.contains(l.token()) && l.isHeldBy(user));
            if (!covering.isEmpty() && !satisfied) {
                return Optional.of(covering.get(0));
            }
        }
        return Optional.empty();
    }
}
