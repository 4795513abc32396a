package org.alidav.dav.props;

import io.milton.common.Utils;
import io.milton.config.HttpManagerBuilder;
import io.milton.http.ExistingEntityHandler;
import io.milton.http.Handler;
import io.milton.http.HttpManager;
import io.milton.http.Request;
import io.milton.http.ResourceHandlerHelper;
import io.milton.http.Response;
import io.milton.http.exceptions.BadRequestException;
import io.milton.http.exceptions.ConflictException;
import io.milton.http.exceptions.NotAuthorizedException;
import io.milton.http.webdav.DefaultPropFindPropertyBuilder;
import io.milton.http.webdav.PropFindHandler;
import io.milton.http.webdav.PropFindRequestFieldParser;
import io.milton.http.webdav.PropertiesRequest;
import io.milton.http.webdav.ResourceTypeHelper;
import io.milton.http.webdav.UserAgentHelper;
import io.milton.property.PropertyAuthoriser;
import io.milton.property.PropertyHandler;
import io.milton.resource.CollectionResource;
import io.milton.resource.PropFindableResource;
import io.milton.resource.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.xml.namespace.QName;
import org.alidav.dav.resource.StorageResource;

/**
 * PROPFIND. A request that names its properties or asks for allprop (an empty body is one), of a storage's file
 * or folder at depth 0 or 1 (what rclone, Finder, davfs2, Windows and litmus send to list a folder), is answered
 * by {@link PropertiesAnswer}: the same bytes as Milton's handler, which for every entry builds maps of wrapped
 * values by asking each property source about each name (and the request's User-Agent, for each), and then looks
 * for a value writer per value. Everything else goes to Milton's handler: propname, virtual folders, GNOME's gvfs
 * (whose empty properties Milton answers 404).
 * Resource lookup, authorisation and events stay Milton's ({@link ResourceHandlerHelper}).
 */
public final class PropFindAnswerHandler implements ExistingEntityHandler, PropertyHandler {
    private final PropFindHandler milton;
    private final ResourceHandlerHelper resources;
    private final PropFindRequestFieldParser fields;
    private final UserAgentHelper userAgents;
    private final ResourceTypeHelper types;
    private final PropertiesAnswer answer;

    private PropFindAnswerHandler(PropFindHandler milton, ResourceHandlerHelper resources, PropFindRequestFieldParser fields,
                                  UserAgentHelper userAgents, ResourceTypeHelper types, PropertiesAnswer answer) {
        this.milton = milton;
        this.resources = resources;
        this.fields = fields;
        this.userAgents = userAgents;
        this.types = types;
        this.answer = answer;
    }

    /** Over the parts of an initialised builder. */
    public static PropFindAnswerHandler of(HttpManagerBuilder b) {
        PropFindHandler milton = null;
        for (Handler h : b.getWebDavProtocol().getHandlers()) if (h instanceof PropFindHandler p) milton = p;
        if (milton == null || !b.isInitDone()) throw new IllegalStateException("Milton's PROPFIND handler is built by init()");
        return new PropFindAnswerHandler(milton, b.getResourceHandlerHelper(), b.getPropFindRequestFieldParser(),
                b.getUserAgentHelper(), b.getResourceTypeHelper(), PropertiesAnswer.of(b));
    }

    @Override
    public String[] getMethods() {
        return milton.getMethods();
    }

    @Override
    public boolean isCompatible(Resource r) {
        return milton.isCompatible(r);
    }

    @Override
    public PropertyAuthoriser getPermissionService() {
        return milton.getPermissionService();
    }

    @Override
    public void process(HttpManager manager, Request request, Response response) throws ConflictException, NotAuthorizedException, BadRequestException {
        resources.process(manager, request, response, this);
    }

    /** As Milton's handler: the same event, then the checks of the resource helper. */
    @Override
    public void processResource(HttpManager manager, Request request, Response response, Resource r) throws NotAuthorizedException, ConflictException, BadRequestException {
        manager.onGet(request, response, r, request.getParams());
        resources.processResource(manager, request, response, r, this, true, request.getParams(), null);
    }

    @Override
    public void processExistingResource(HttpManager manager, Request request, Response response, Resource resource)
            throws NotAuthorizedException, BadRequestException, ConflictException {
        int depth = request.getDepthHeader();
        if (!(resource instanceof StorageResource) || depth > 1 || userAgents.isNautilus(request)) {
            milton.processExistingResource(manager, request, response, resource);
            return;
        }
        PropertiesRequest asked;
        try {
            asked = fields.getRequestedFields(request.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // null: allprop (which RequestChecks makes of an empty body)
        List<QName> names = asked.isAllProp() ? null : new ArrayList<>(asked.getNames());
        String href = href(request.getAbsoluteUrl(), resource);
        if (asked.isPropname() || names != null && names.isEmpty() || href == null) {
            // RequestChecks handed on every PROPFIND body buffered: Milton reads it again from the start
            milton.processExistingResource(manager, request, response, resource);
            return;
        }
        response.setStatus(Response.Status.SC_MULTI_STATUS);
        response.setContentTypeHeader(Response.APPLICATION_XML);
        PropertiesAnswer.MultiStatus body = answer.write((PropFindableResource) resource, href, names, depth == 1, !"t".equals(request.getHeaders().get("Brief")));
        response.setDateHeader(new Date());
        response.setDavHeader(Utils.toCsv(types.getSupportedLevels(resource)));
        response.setContentLengthHeader((long) body.size());
        try {
            body.writeTo(response.getOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The target's href as Milton's property builder makes it; null where Milton's handler fails the request. */
    static String href(String requestUrl, Resource r) {
        String url = DefaultPropFindPropertyBuilder.fixUrlForWindows(requestUrl);
        if (r instanceof CollectionResource && !url.endsWith("/")) url += "/";
        try {
            return new URI(url).toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
