package org.alidav.dav.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.alidav.dav.mount.MountTable;
import org.w3c.dom.Element;

/**
 * Checks made before a request reaches Milton, for what Milton gets wrong or cannot refuse:
 * <ul>
 * <li>PROPFIND with {@code Depth: infinity}, or without Depth (which means infinity), is refused with
 *     403 and {@code <D:error><D:propfind-finite-depth/></D:error>} (RFC 4918 §9.1): a depth-infinity
 *     PROPFIND of a cloud drive would walk the whole account, one rate-limited listing per folder.
 *     Clients fall back to Depth 1.</li>
 * <li>PROPFIND and PROPPATCH bodies are read (at most {@value #MAX_XML_BODY} bytes, else 413) and
 *     must be well-formed, namespace-valid XML with the right root element, else 400. Milton treats a
 *     malformed PROPFIND body as allprop and answers 207, and a malformed PROPPATCH as a 500. A
 *     PROPFIND without a body is handed on as an explicit {@code allprop} (RFC 4918 §9.1): given no
 *     body, Milton answers only its standard properties, without dead properties or
 *     {@code oc:checksums}, and rclone's {@code fastmail} vendor, which sends no body, would find no
 *     hash.</li>
 * <li>MKCOL with a body is 415 (RFC 4918 §9.3.1); Milton ignores the body.</li>
 * <li>COPY and MOVE need a parseable Destination on this server that a storage can hold
 *     ({@link DestinationCheck}); COPY allows Depth 0 or infinity, MOVE only infinity (400
 *     otherwise); a missing Overwrite header is supplied as T.</li>
 * </ul>
 */
public final class RequestChecks {
    public static final int MAX_XML_BODY = 1 << 20;
    private static final RecentAnswers<String, String> CHECKED = new RecentAnswers<>(64);
    private static final int LONGEST_REMEMBERED = 4096;
    private static final byte[] ALLPROP = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<D:propfind xmlns:D=\"DAV:\"><D:allprop/></D:propfind>\n"
            .getBytes(StandardCharsets.UTF_8);
    static final String FINITE_DEPTH_ERROR = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<D:error xmlns:D=\"DAV:\"><D:propfind-finite-depth/></D:error>\n";

    private final DestinationCheck destinations;

    public RequestChecks(MountTable mounts) {
        this.destinations = new DestinationCheck(mounts);
    }

    /** Returns the request to hand to Milton (possibly wrapped), or throws the answer to give instead. */
    public HttpServletRequest check(HttpServletRequest request) throws RequestRejected, IOException {
        switch (request.getMethod()) {
            case "PROPFIND" -> {
                checkPropfindDepth(request.getHeader("Depth"));
                return xmlBody(request, "propfind", ALLPROP);
            }
            case "PROPPATCH" -> {
                return xmlBody(request, "propertyupdate", null);
            }
            case "MKCOL" -> {
                if (hasBody(request)) throw new RequestRejected(415, "MKCOL with a request body is not supported");
                return request;
            }
            case "COPY", "MOVE" -> {
                return copyOrMove(request);
            }
            default -> {
                return request;
            }
        }
    }

    private static void checkPropfindDepth(String depth) throws RequestRejected {
        String d = depth == null ? "infinity" : depth.trim().toLowerCase(Locale.ROOT);
        if (d.equals("infinity")) {
            throw new RequestRejected(403, "PROPFIND with Depth infinity is not allowed", "application/xml; charset=utf-8", FINITE_DEPTH_ERROR);
        }
        if (!d.equals("0") && !d.equals("1")) throw new RequestRejected(400, "Depth must be 0 or 1");
    }

    /** @param whenEmpty the body to use when the client sent none, or null when a body is required */
    private static HttpServletRequest xmlBody(HttpServletRequest request, String root, byte[] whenEmpty) throws RequestRejected, IOException {
        long declared = request.getContentLengthLong();
        // the rest of an oversized body is read and dropped after the 413 (server.LingeringClose)
        if (declared > MAX_XML_BODY) throw new RequestRejected(413, "request body too large");
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_XML_BODY + 1);
        } catch (SocketTimeoutException e) {
            throw new RequestRejected(408, "request body too slow: " + e.getMessage());
        }
        if (body.length > MAX_XML_BODY) throw new RequestRejected(413, "request body too large");
        if (body.length == 0) {
            if (whenEmpty == null) throw new RequestRejected(400, request.getMethod() + " needs an XML body");
            return new BufferedBodyRequest(request, whenEmpty);
        }
        if (!root.equals(davRoot(body))) throw new RequestRejected(400, "the body must be a DAV:" + root + " element");
        return new BufferedBodyRequest(request, body);
    }

    /**
     * The local name of a well-formed body's root element when it is in DAV:, else "". Remembered by the body's
     * text for short bodies: a client sends the same PROPFIND body for every listing.
     */
    private static String davRoot(byte[] body) throws RequestRejected {
        String text = body.length <= LONGEST_REMEMBERED ? new String(body, StandardCharsets.ISO_8859_1) : null;
        String known = text == null ? null : CHECKED.get(text);
        if (known != null) return known;
        String root;
        try {
            Element e = SafeXml.parse(body).getDocumentElement();
            root = "DAV:".equals(e.getNamespaceURI()) ? e.getLocalName() : "";
        } catch (SafeXml.MalformedXml e) {
            throw new RequestRejected(400, "malformed XML body: " + e.getMessage());
        }
        return text == null ? root : CHECKED.remember(text, root);
    }

    private HttpServletRequest copyOrMove(HttpServletRequest request) throws RequestRejected {
        String destination = request.getHeader("Destination");
        if (destination == null) throw new RequestRejected(400, "Destination header missing");
        URI uri;
        try {
            uri = URI.create(destination.trim());
            if (uri.getRawPath() == null) throw new IllegalArgumentException("no path");
        } catch (IllegalArgumentException e) {
            throw new RequestRejected(400, "Destination is not a valid URI");
        }
        destinations.check(request, uri);
        String depth = request.getHeader("Depth");
        if (depth != null) {
            String d = depth.trim().toLowerCase(Locale.ROOT);
            boolean ok = d.equals("infinity") || (d.equals("0") && request.getMethod().equals("COPY"));
            if (!ok) throw new RequestRejected(400, "Depth " + depth + " is not allowed for " + request.getMethod());
        }
        String overwrite = request.getHeader("Overwrite");
        if (overwrite == null) return new OverwriteDefaultRequest(request);
        String o = overwrite.trim();
        if (!o.equalsIgnoreCase("T") && !o.equalsIgnoreCase("F")) throw new RequestRejected(400, "Overwrite must be T or F");
        return request;
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }
}
