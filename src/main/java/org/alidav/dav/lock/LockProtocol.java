package org.alidav.dav.lock;

import io.milton.http.Handler;
import io.milton.http.HttpExtension;
import io.milton.http.http11.CustomPostHandler;
import java.util.List;
import java.util.Set;

/** The LOCK and UNLOCK handlers as a Milton protocol, added next to Milton's HTTP/1.1 and WebDAV ones. */
record LockProtocol(LockHandler lock, UnlockHandler unlock) implements HttpExtension {
    @Override
    public Set<Handler> getHandlers() {
        return Set.of(lock, unlock);
    }

    @Override
    public List<CustomPostHandler> getCustomPostHandlers() {
        return List.of();
    }
}
