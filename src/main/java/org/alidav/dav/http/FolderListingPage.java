package org.alidav.dav.http;

import io.milton.resource.CollectionResource;
import io.milton.resource.GetableResource;
import io.milton.resource.Resource;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.alidav.dav.NameCharacters;

/**
 * The plain HTML page a browser gets for GET on a folder: names HTML-escaped (control characters
 * shown as {@link NameCharacters#visible pictures}), links percent-encoded, in the storage's order. HEAD gets the same headers and no body.
 */
public final class FolderListingPage {
    private FolderListingPage() {
    }

    public static void respond(HttpServletResponse response, String encodedPath, String decodedPath,
                               CollectionResource folder, boolean head) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Cache-Control", "private, no-cache");
        if (head) return;
        byte[] body = render(encodedPath, decodedPath, children(folder)).getBytes(StandardCharsets.UTF_8);
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

    static String render(String encodedPath, String decodedPath, List<? extends Resource> children) {
        String base = encodedPath.endsWith("/") ? encodedPath : encodedPath + "/";
        StringBuilder sb = new StringBuilder(256 + children.size() * 96);
        String title = Html.escape(NameCharacters.visible(decodedPath));
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(title)
                .append("</title></head>\n<body><h1>").append(title).append("</h1>\n<ul>\n");
        if (!base.equals("/")) sb.append("<li><a href=\"../\">../</a></li>\n");
        for (Resource r : children) {
            boolean folder = r instanceof CollectionResource;
            String name = NameCharacters.visible(r.getName()) + (folder ? "/" : "");
            sb.append("<li><a href=\"").append(base).append(Html.escape(PathEncoding.encodeSegment(r.getName())))
                    .append(folder ? "/" : "").append("\">").append(Html.escape(name)).append("</a>");
            if (r instanceof GetableResource g && g.getContentLength() != null) sb.append(" (").append(g.getContentLength()).append(" bytes)");
            sb.append("</li>\n");
        }
        return sb.append("</ul>\n</body></html>\n").toString();
    }
}
