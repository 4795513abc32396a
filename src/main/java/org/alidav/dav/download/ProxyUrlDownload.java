package org.alidav.dav.download;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.alidav.dav.http.PathEncoding;
import org.alidav.dav.resource.FileResource;
import org.alidav.dav.sign.LinkSigner;

/**
 * {@code use_proxy_url}: a GET is redirected to {@code <down_proxy_url><encoded path>?sign=<sign>},
 * the URL form OpenList gives its external proxies; the proxy checks the signature with the shared
 * key and fetches the file (from this server's signed route or the cloud). HEAD is answered from
 * metadata by {@code proxy}.
 */
public final class ProxyUrlDownload implements Download {
    private final String base;
    private final LinkSigner signer;
    private final Download proxy;

    public ProxyUrlDownload(String downProxyUrl, LinkSigner signer, Download proxy) {
        String first = downProxyUrl.lines().findFirst().orElse("").trim();
        this.base = first.replaceAll("/+$", "");
        this.signer = signer;
        this.proxy = proxy;
    }

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, FileResource file) throws IOException {
        if (!request.getMethod().equals("GET")) {
            proxy.respond(request, response, file);
            return;
        }
        if (RedirectDownload.answeredConditionally(request, response, file)) return;
        RedirectDownload.redirect(response, url(file.location().davPath()));
    }

    /** The proxy URL of a WebDAV path (decoded, as signed). */
    public String url(String davPath) {
        return base + encodePath(davPath) + "?sign=" + URLEncoder.encode(signer.sign(davPath), StandardCharsets.UTF_8);
    }

    static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) continue;
            sb.append('/').append(PathEncoding.encodeSegment(segment));
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }
}
