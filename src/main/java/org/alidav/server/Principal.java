package org.alidav.server;

import io.milton.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.alidav.dav.mount.MountScope;

/**
 * Who made a request: a user, or {@link #ANONYMOUS} when anonymous access is allowed.
 *
 * @param name     the user name ("anonymous" for anonymous requests)
 * @param readOnly true when this user may not write
 * @param admin    true when this user may use the operator endpoints under {@code /-/}
 * @param mounts   the mounts this user sees
 */
public record Principal(String name, boolean readOnly, boolean admin, MountScope mounts) {
    public static final Principal ANONYMOUS = new Principal("anonymous", false);

    public Principal(String name, boolean readOnly) {
        this(name, readOnly, false, MountScope.ALL);
    }
    static final String ATTRIBUTE = Principal.class.getName();

    /** The principal of the request being handled on this thread (inside Milton), if any. */
    public static Optional<Principal> current() {
        HttpServletRequest r = ServletRequest.getRequest();
        return r == null ? Optional.empty() : of(r);
    }

    /** The principal's name for the request on this thread, or null: the lock manager's owner key. */
    public static String currentName() {
        return current().map(Principal::name).orElse(null);
    }

    static Optional<Principal> of(HttpServletRequest request) {
        return Optional.ofNullable((Principal) request.getAttribute(ATTRIBUTE));
    }
}
