package org.alidav.dav;

import io.milton.http.Handler;
import io.milton.http.HttpExtension;
import io.milton.http.http11.CustomPostHandler;
import java.util.List;
import java.util.Set;

/**
 * Our method handlers. Added after Milton's protocols, so they replace Milton's handlers for the
 * same methods (HttpManager maps each method to the last handler that claims it).
 */
final class DavHandlers implements HttpExtension {
    private final Set<Handler> handlers;

    DavHandlers(Handler... handlers) {
        this.handlers = Set.of(handlers);
    }

    @Override
    public Set<Handler> getHandlers() {
        return handlers;
    }

    @Override
    public List<CustomPostHandler> getCustomPostHandlers() {
        return List.of();
    }
}
