package org.alidav.dav.lock;

import io.milton.config.HttpManagerBuilder;
import io.milton.config.InitListener;
import io.milton.http.Auth;
import io.milton.http.Filter;
import io.milton.http.HttpManager;
import io.milton.http.Request;
import io.milton.http.webdav.ResourceTypeHelper;
import io.milton.http.webdav.WebDavResourceTypeHelper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Installs DAV class 2 (LOCK, UNLOCK, If header, lock properties) into a Milton CE {@link HttpManagerBuilder}. */
public final class LockSupport {
    private LockSupport() {
    }

    /**
     * Registers everything on {@code builder}. Call before {@code builder.init()} / {@code buildHttpManager()};
     * the parts are wired from init callbacks, so the order of other builder settings does not matter.
     *
     * @param principal the user name a request acts as (null for anonymous), e.g. {@link #userOf}
     * @throws IllegalStateException if the builder is already initialised
     */
    public static void install(HttpManagerBuilder builder, LockManager locks, LockTargets targets,
                               Function<Request, String> principal) {
        if (builder.isInitDone()) {
            throw new IllegalStateException("install lock support before HttpManagerBuilder.init()");
        }
        Objects.requireNonNull(locks, "locks");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(principal, "principal");
        List<InitListener> listeners = new ArrayList<>(Optional.ofNullable(builder.getListeners()).orElse(List.of()));
        listeners.add(new Installer(locks, targets, principal));
        builder.setListeners(listeners);
    }

    /** The user name in the request's Authorization header (as claimed; Milton verifies it later), or null. */
    public static String userOf(Request request) {
        Auth auth = request.getAuthorization();
        return auth == null ? null : auth.getUser();
    }

    /** Hooks into the builder's init: settings that init reads go in before it, the protocol after it. */
    private record Installer(LockManager locks, LockTargets targets, Function<Request, String> principal)
            implements InitListener {

        @Override
        public void beforeInit(HttpManagerBuilder b) {
            ResourceTypeHelper types = Optional.ofNullable(b.getResourceTypeHelper()).orElseGet(WebDavResourceTypeHelper::new);
            b.setResourceTypeHelper(new Class2ResourceTypeHelper(types));
            b.getValueWriters().getValueWriters().add(0, new LockPropertyWriter(locks));
            b.setFilters(append(b.getFilters(), (Filter) new LockGuard(locks, targets, principal)));
            b.setMatchHelper(new IfMatchOnlyMatchHelper(b.geteTagGenerator()));
        }

        @Override
        public void afterInit(HttpManagerBuilder b) {
            // init() has built the protocol list and the handler helper; HttpManager reads the list later
            // First of all sources (not an "extra" one, which comes after the resources' own custom
            // properties), so a permissive dead-property store cannot shadow the live lock properties.
            b.getPropertySources().add(0, new LockPropertySource());
            ResourceAccess access = new ResourceAccess(b.getHandlerHelper(), b.getUrlAdapter());
            b.getProtocols().add(new LockProtocol(new LockHandler(locks, targets, access, principal),
                    new UnlockHandler(locks, access, principal)));
        }

        @Override
        public void afterBuild(HttpManagerBuilder b, HttpManager m) {
            // nothing to do once built
        }

        @Override
        public void beforeProtocolBuild(HttpManagerBuilder b) {
            // everything is set in beforeInit
        }

        private static <T> List<T> append(List<T> list, T element) {
            List<T> result = new ArrayList<>(Optional.ofNullable(list).orElse(List.of()));
            result.add(element);
            return result;
        }
    }
}
