package org.alidav.dav.lock;

import io.milton.http.HandlerHelper;
import io.milton.http.HttpManager;
import io.milton.http.Request;
import io.milton.http.Response;
import io.milton.http.UrlAdapter;
import io.milton.http.exceptions.BadRequestException;
import io.milton.http.exceptions.NotAuthorizedException;
import io.milton.resource.Resource;
import java.util.Optional;

/**
 * Milton's resource lookup and authorisation for LOCK and UNLOCK, whose handlers do not go through
 * Milton's own {@code ResourceHandlerHelper}.
 */
final class ResourceAccess {
    /** The resource a request acts on, or its parent collection if the URL is unmapped. */
    record Target(Resource resource, boolean exists) {
    }

    private final HandlerHelper handlerHelper;
    private final UrlAdapter urlAdapter;

    ResourceAccess(HandlerHelper handlerHelper, UrlAdapter urlAdapter) {
        this.handlerHelper = handlerHelper;
        this.urlAdapter = urlAdapter;
    }

    /** Empty if neither the resource nor its parent exists. */
    Optional<Target> find(HttpManager manager, Request request) throws NotAuthorizedException, BadRequestException {
        String host = request.getHostHeader();
        String url = urlAdapter.getUrl(request);
        Resource resource = manager.getResourceFactory().getResource(host, url);
        if (resource != null) {
            return Optional.of(new Target(resource, true));
        }
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        int slash = trimmed.lastIndexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Resource parent = manager.getResourceFactory().getResource(host, slash == 0 ? "/" : trimmed.substring(0, slash));
        return Optional.ofNullable(parent).map(p -> new Target(p, false));
    }

    /**
     * Runs Milton's authentication and the resource's {@code authorise} for the request's method; on
     * refusal answers 401 with a challenge (as Milton's handlers do) and returns false.
     */
    boolean authorise(HttpManager manager, Request request, Response response, Resource resource) {
        if (handlerHelper.checkAuthorisation(manager, resource, request)) {
            return true;
        }
        manager.getResponseHandler().respondUnauthorised(resource, response, request);
        return false;
    }
}
