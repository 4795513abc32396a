package org.alidav.sandbox;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PUT of pre-signed part URLs: {@code /oss/upload/<uploadId>/<partNumber>}. No auth; chunked or
 * Content-Length bodies; 200 first time, 409 when the part is already stored, 403 once expired.
 * Injected faults strike before the part is stored and after.
 */
final class UploadServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(UploadServlet.class);

    private final FileTree tree;
    private final PartStore parts;
    private final UrlSigner signer;
    private final FaultPlan faults;
    private final CallStats stats;
    private final SandboxOptions options;
    private final FaultResponder responder;

    UploadServlet(FileTree tree, PartStore parts, UrlSigner signer, FaultPlan faults, CallStats stats,
                  SandboxOptions options) {
        this.tree = tree;
        this.parts = parts;
        this.signer = signer;
        this.faults = faults;
        this.stats = stats;
        this.options = options;
        this.responder = new FaultResponder(stats);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean dropped = false;
        boolean counted = false;
        try {
            if (!"PUT".equals(req.getMethod())) {
                throw new OssException(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            }
            if (injected(Fault.Phase.BEFORE, req, resp)) {
                counted = true;
                return;
            }
            if (options.strictUploadContentType() && req.getHeader("Content-Type") != null) {
                // The URL was signed without a Content-Type, so sending one breaks the signature.
                drain(req);
                throw OssException.badSignature();
            }
            SignedRequests.verify(req, signer, options.clock());
            String[] seg = req.getRequestURI().substring(ObjectUrls.UPLOAD_PREFIX.length()).split("/");
            String uploadId = seg[0];
            int partNumber = Integer.parseInt(seg[1]);
            boolean open = tree.byUploadId(uploadId).filter(n -> n.state() == FileNode.State.UPLOADING).isPresent();
            if (!open) {
                drain(req);
                throw new OssException(404, "NoSuchUpload", "The specified upload does not exist.");
            }
            PartStore.Part part = parts.store(uploadId, partNumber, req.getInputStream());
            if (part == null) {
                drain(req);
                throw new OssException(409, "PartAlreadyExist", "Part " + partNumber + " has already been uploaded.");
            }
            stats.addPartBytes(part.size());
            if (injected(Fault.Phase.AFTER, req, resp)) {
                counted = true;
                return;
            }
            resp.setStatus(200);
            resp.setHeader("ETag", part.etag());
            resp.setHeader("x-oss-request-id", Ids.hex(24).toUpperCase());
            resp.setContentLength(0);
        } catch (OssException e) {
            e.write(resp);
        } catch (IOException e) {
            LOG.debug("part upload aborted: {}", e.toString());
            dropped = true;
        } catch (RuntimeException e) {
            LOG.error("part upload failed", e);
            new OssException(500, "InternalError", "We encountered an internal error. Please try again.").write(resp);
        } finally {
            if (!counted) stats.record(CallStats.OBJECT_PUT, dropped ? CallStats.DROPPED : resp.getStatus());
        }
    }

    /** True when an injected fault answered or dropped the call (and counted it). */
    private boolean injected(Fault.Phase phase, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        return responder.apply(faults, phase, CallStats.OBJECT_PUT, req, resp)
                != FaultResponder.Outcome.GO_ON;
    }

    /** Reads and discards the body so the client can finish sending and read our answer. */
    private static void drain(HttpServletRequest req) throws IOException {
        try (InputStream in = req.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
