package org.alidav.dav.http;

import io.milton.resource.CollectionResource;
import io.milton.resource.GetableResource;
import io.milton.resource.Resource;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.alidav.dav.mount.NameCharacters;

/**
 * The HTML page a browser gets for GET on a folder: a table of names, sizes (binary units, exact
 * bytes on hover) and modified dates (UTC), a link to the parent folder, and column headers that
 * sort by name, size or date ({@link ListingOrder}; without a choice, the storage's own order).
 * Names are HTML-escaped (control characters shown as {@link NameCharacters#visible pictures}),
 * links percent-encoded, so any name shows and leads to its file. No script, no outside resource.
 * HEAD gets the same headers and no body.
 */
public final class FolderListingPage {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
            + "h1{font-size:1.3em;font-weight:600;word-break:break-all}table{border-collapse:collapse;width:100%;max-width:60em}"
            + "th,td{padding:.3em .8em;text-align:left;border-bottom:1px solid #e4e4e4}th a{color:inherit}"
            + "td.n{word-break:break-all}td.s,th.s{text-align:right;white-space:nowrap}td.d{white-space:nowrap}"
            + "a{text-decoration:none;color:#0645ad}a:hover{text-decoration:underline}tr:hover td{background:#f6f8fa}";

    private FolderListingPage() {
    }

    /**
     * @param sort  the {@code sort} query parameter, or null
     * @param order the {@code order} query parameter, or null
     */
    public static void respond(HttpServletResponse response, String decodedPath, CollectionResource folder, boolean head,
                               String sort, String order) throws IOException {
        ListingOrder listingOrder;
        try {
            listingOrder = ListingOrder.parse(sort, order);
        } catch (IllegalArgumentException e) {
            byte[] body = (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain; charset=utf-8");
            response.setContentLength(body.length);
            if (!head) response.getOutputStream().write(body);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Cache-Control", "private, no-cache");
        if (head) return;
        byte[] body = render(decodedPath, listingOrder.sort(children(folder)), listingOrder).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** In the storage's own order (a cloud's {@code order_by}, a local folder's names), as PROPFIND lists them. */
    private static List<? extends Resource> children(CollectionResource folder) {
        try {
            return folder.getChildren();
        } catch (io.milton.http.exceptions.NotAuthorizedException | io.milton.http.exceptions.BadRequestException e) {
            throw new IllegalStateException(e);
        }
    }

    static String render(String decodedPath, List<? extends Resource> children, ListingOrder order) {
        // hrefs are built from the decoded names, never from the request line as the client spelled it
        StringBuilder encoded = new StringBuilder("/");
        for (String segment : decodedPath.split("/")) {
            if (!segment.isEmpty()) encoded.append(PathEncoding.encodeSegment(segment)).append('/');
        }
        String base = encoded.toString();
        String keep = Html.escape(order.query());
        StringBuilder sb = new StringBuilder(1024 + children.size() * 200);
        String title = Html.escape(NameCharacters.visible(decodedPath));
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(title)
                .append("</title><style>").append(STYLE).append("</style></head>\n<body><h1>").append(title).append("</h1>\n<table>\n<tr>")
                .append(header("Name", ListingOrder.Key.NAME, order, ""))
                .append(header("Size", ListingOrder.Key.SIZE, order, " class=\"s\""))
                .append(header("Modified (UTC)", ListingOrder.Key.DATE, order, ""))
                .append("</tr>\n");
        if (!base.equals("/")) {
            sb.append("<tr><td class=\"n\"><a href=\"../").append(keep).append("\">&#8593; Parent folder</a></td><td></td><td></td></tr>\n");
        }
        for (Resource r : children) row(sb, base, keep, r);
        return sb.append("</table>\n</body></html>\n").toString();
    }

    private static String header(String label, ListingOrder.Key column, ListingOrder order, String cssClass) {
        String arrow = order.key() != column ? "" : order.descending() ? " &#9660;" : " &#9650;";
        return "<th" + cssClass + "><a href=\"" + Html.escape(ListingOrder.queryFor(column, order)) + "\">" + label + arrow + "</a></th>";
    }

    private static void row(StringBuilder sb, String base, String keep, Resource r) {
        boolean folder = r instanceof CollectionResource;
        String name = NameCharacters.visible(r.getName()) + (folder ? "/" : "");
        sb.append("<tr><td class=\"n\"><a href=\"").append(base).append(Html.escape(PathEncoding.encodeSegment(r.getName())))
                .append(folder ? "/" + keep : "").append("\">").append(Html.escape(name)).append("</a></td><td class=\"s\"");
        Long length = !folder && r instanceof GetableResource g ? g.getContentLength() : null;
        if (length != null) sb.append(" title=\"").append(length).append(" bytes\">").append(ListingCells.size(length));
        else sb.append(">");
        sb.append("</td><td class=\"d\">");
        Date modified = r.getModifiedDate();
        if (modified != null) {
            sb.append("<time datetime=\"").append(ListingCells.isoDate(modified)).append("\">").append(ListingCells.date(modified)).append("</time>");
        }
        sb.append("</td></tr>\n");
    }
}
