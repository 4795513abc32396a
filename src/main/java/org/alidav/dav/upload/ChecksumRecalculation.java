package org.alidav.dav.upload;

import io.milton.http.HttpManager;
import io.milton.http.exceptions.BadRequestException;
import io.milton.resource.Resource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.alidav.dav.http.ErrorResponses;
import org.alidav.dav.resource.DavResourceFactory;
import org.alidav.dav.resource.FileResource;
import org.alidav.drive.DriveException;
import org.alidav.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nextcloud's checksum update: {@code PATCH} on a file with {@code X-Recalculate-Hash: sha1} (the
 * hash named in any case). Nextcloud hashes the file, keeps the result as its checksum and answers
 * 204 with {@code OC-Checksum: SHA1:<hex>} and no body; sync clients send it after changing only a
 * file's modified time. Milton has no PATCH at all, so this answers it before Milton does.
 * <ul>
 * <li>SHA-1 known to the storage: 204 with {@code OC-Checksum}, as Nextcloud answers. Nothing is
 * stored: the hash is the storage's own, and this only reads (read-only users may ask too).</li>
 * <li>SHA-1 not known (a folder storage that lists without hashing): 200 with a line saying so and
 * no {@code OC-Checksum}. Hashing here would mean reading the whole file on a request that promised
 * none; a client that wants it has {@code oc:checksums} and GET.</li>
 * <li>Another hash (md5, sha256, adler32): 400, since only SHA-1 is ever known. A folder: 405
 * (Nextcloud offers PATCH on files only). A missing file: 404.</li>
 * </ul>
 */
public final class ChecksumRecalculation {
    public static final String HEADER = "X-Recalculate-Hash";
    private static final Logger log = LoggerFactory.getLogger(ChecksumRecalculation.class);

    private final DavResourceFactory resources;

    public ChecksumRecalculation(DavResourceFactory resources) {
        this.resources = resources;
    }

    /** True for the requests this answers: a PATCH that names a hash to recalculate. */
    public static boolean asked(HttpServletRequest req) {
        return req.getMethod().equals("PATCH") && req.getHeader(HEADER) != null;
    }

    /** Answers the request; the login's mount scope must be on the thread, as for Milton's handlers. */
    public void respond(HttpServletRequest req, HttpServletResponse resp) {
        String path = HttpManager.decodeUrl(req.getRequestURI().substring(req.getContextPath().length()));
        String what = "PATCH " + path;
        String type = req.getHeader(HEADER).trim().toLowerCase(Locale.ROOT);
        try {
            Resource r = resources.getResource(req.getServerName(), path);
            if (r == null) {
                ErrorResponses.status(resp, HttpServletResponse.SC_NOT_FOUND, "not found");
            } else if (!(r instanceof FileResource file)) {
                resp.setHeader("Allow", "OPTIONS, GET, HEAD, PROPFIND, PROPPATCH, MKCOL, COPY, MOVE, DELETE");
                ErrorResponses.status(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "a checksum is recalculated for files only");
            } else if (!type.equals("sha1")) {
                log.info("{}: {} {} refused, only SHA-1 is known", LogText.escape(what), HEADER, LogText.escape(type));
                ErrorResponses.status(resp, HttpServletResponse.SC_BAD_REQUEST, "only SHA1 checksums are kept here, not " + type);
            } else if (file.entry().sha1() == null) {
                ErrorResponses.status(resp, HttpServletResponse.SC_OK, "the storage of this file does not know its SHA-1");
            } else {
                resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
                resp.setHeader("OC-Checksum", "SHA1:" + file.entry().sha1());
            }
        } catch (BadRequestException e) {
            log.info("{}: bad request: {}", LogText.escape(what), LogText.escape(e.getReason()));
            ErrorResponses.status(resp, HttpServletResponse.SC_BAD_REQUEST, e.getReason());
        } catch (DriveException e) {
            ErrorResponses.drive(req, resp, what, e);
        }
    }
}
