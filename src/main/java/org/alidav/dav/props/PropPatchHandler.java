package org.alidav.dav.props;

import io.milton.http.Handler;
import io.milton.http.HttpManager;
import io.milton.http.Request;
import io.milton.http.Response;
import io.milton.http.exceptions.BadRequestException;
import io.milton.http.exceptions.NotFoundException;
import io.milton.resource.Resource;
import io.milton.servlet.ServletRequest;
import io.milton.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.namespace.QName;
import org.alidav.dav.http.HttpDates;
import org.alidav.dav.http.PathEncoding;
import org.alidav.dav.http.SafeXml;
import org.alidav.dav.mount.Location;
import org.alidav.dav.resource.DavResourceFactory;
import org.alidav.dav.resource.StorageResource;
import org.alidav.drive.DriveException;
import org.alidav.drive.Features.Capability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PROPPATCH, replacing Milton's (which applies sets before removes, answers 404 for removing an
 * absent property, is not atomic, and fails with 500 on {@code displayname} or malformed XML).
 * Instructions apply in document order, all or nothing (RFC 4918 §9.2): when one fails with 403, or
 * with 507 Insufficient Storage for a value over the {@link PropertyLimits}, the others are 424 Failed
 * Dependency and nothing changes.
 * <ul>
 * <li>Windows Explorer's {@code Win32CreationTime}, {@code Win32LastAccessTime},
 *     {@code Win32LastModifiedTime}, {@code Win32FileAttributes} ({@code urn:schemas-microsoft-com:})
 *     are answered 200 without being stored; the last-modified one sets the file's time where the
 *     storage can keep it.</li>
 * <li>{@code DAV:getlastmodified} likewise sets the time; other DAV: properties are protected (403).</li>
 * <li>Anything else is a dead property, kept in the {@link DeadPropertyStore}.</li>
 * </ul>
 */
public final class PropPatchHandler implements Handler {
    private static final Logger log = LoggerFactory.getLogger(PropPatchHandler.class);
    private static final String WIN32 = "urn:schemas-microsoft-com:";
    private static final Set<String> WIN32_PROPS = Set.of("Win32CreationTime", "Win32LastAccessTime", "Win32LastModifiedTime", "Win32FileAttributes");
    private static final QName GETLASTMODIFIED = new QName("DAV:", "getlastmodified");
    private static final QName WIN32_LAST_MODIFIED = new QName(WIN32, "Win32LastModifiedTime");

    private final DavResourceFactory factory;
    private final DeadPropertyStore store;

    public PropPatchHandler(DavResourceFactory factory, DeadPropertyStore store) {
        this.factory = factory;
        this.store = store;
    }

    @Override
    public String[] getMethods() {
        return new String[]{Request.Method.PROPPATCH.code};
    }

    @Override
    public boolean isCompatible(Resource r) {
        return r instanceof StorageResource;
    }

    @Override
    public void process(HttpManager manager, Request request, Response response) throws BadRequestException, NotFoundException {
        Resource r = factory.getResource(request.getHostHeader(), PathEncoding.decodedPath(request));
        if (r == null) throw new NotFoundException("no such resource");
        if (!(r instanceof StorageResource s)) throw new DriveException(DriveException.Kind.READ_ONLY, "a virtual folder has no properties");
        HttpServletRequest req = ServletRequest.getRequest();
        PropertyUpdate update = parse(req);

        Map<QName, Integer> statuses = new LinkedHashMap<>();
        Map<QName, String> deadChanges = new LinkedHashMap<>();
        Instant modified = null;
        for (PropertyUpdate.Instruction i : update.instructions()) {
            QName n = i.name();
            if (n.getNamespaceURI().equals(WIN32) && WIN32_PROPS.contains(n.getLocalPart())) {
                if (n.equals(WIN32_LAST_MODIFIED) && !i.isRemove()) modified = HttpDates.parse(i.text()).orElse(modified);
                statuses.put(n, 200);
            } else if (n.getNamespaceURI().equals("DAV:")) {
                boolean settable = n.equals(GETLASTMODIFIED) && !i.isRemove();
                if (settable) modified = HttpDates.parse(i.text()).orElse(modified);
                statuses.put(n, settable ? 200 : 403);
            } else {
                deadChanges.put(n, i.xml());
                statuses.put(n, 200);
            }
        }
        if (!statuses.containsValue(403)) {
            try {
                apply(s.location(), deadChanges, modified);
            } catch (PropertyLimitExceeded e) {
                log.info("PROPPATCH {}: {}", s.location().davPath(), e.getMessage());
                statuses.put(e.property(), 507);
            }
        }
        if (statuses.containsValue(403) || statuses.containsValue(507)) statuses.replaceAll((n, st) -> st == 200 ? 424 : st);
        respond(ServletResponse.getResponse(), req.getRequestURI(), statuses);
    }

    private static PropertyUpdate parse(HttpServletRequest req) throws BadRequestException {
        try (InputStream in = req.getInputStream()) {
            return PropertyUpdate.parse(SafeXml.parse(in.readAllBytes()));
        } catch (SafeXml.MalformedXml | PropertyUpdate.Invalid e) {
            throw new BadRequestException("PROPPATCH body: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void apply(Location at, Map<QName, String> deadChanges, Instant modified) throws PropertyLimitExceeded {
        store.apply(at, deadChanges);
        if (modified != null && at.storage().features().has(Capability.SET_MOD_TIME)) at.storage().setModified(at.path(), modified);
    }

    private static void respond(HttpServletResponse resp, String href, Map<QName, Integer> statuses) {
        Map<Integer, StringBuilder> props = new TreeMap<>();
        statuses.forEach((name, status) -> props.computeIfAbsent(status, k -> new StringBuilder()).append(emptyElement(name)));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<D:multistatus xmlns:D=\"DAV:\"><D:response><D:href>")
                .append(XmlFragment.escape(href)).append("</D:href>");
        props.forEach((status, elements) -> xml.append("<D:propstat><D:prop>").append(elements).append("</D:prop><D:status>HTTP/1.1 ")
                .append(status).append(' ').append(reason(status)).append("</D:status></D:propstat>"));
        xml.append("</D:response></D:multistatus>\n");
        byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(207);
        resp.setContentType("application/xml; charset=utf-8");
        resp.setContentLength(body.length);
        try {
            resp.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty property element declaring its own namespace, so any namespace (even none) is valid XML. */
    private static String emptyElement(QName name) {
        String ns = name.getNamespaceURI();
        if (ns.equals("DAV:")) return "<D:" + name.getLocalPart() + "/>";
        return "<" + name.getLocalPart() + " xmlns=\"" + XmlFragment.escape(ns).replace("\"", "&quot;") + "\"/>";
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 403 -> "Forbidden";
            case 507 -> "Insufficient Storage";
            default -> "Failed Dependency";
        };
    }
}
