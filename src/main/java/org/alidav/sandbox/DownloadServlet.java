package org.alidav.sandbox;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET/HEAD of pre-signed download URLs: {@code /oss/download/<userId>/<SHA1>[/<jpeg|mov>]}.
 * Streams from disk with large buffers; single Range; per-user concurrency cap; broken-stream fault;
 * injected faults before anything is read (a download changes nothing, so there is no "after").
 */
final class DownloadServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(DownloadServlet.class);
    private static final int BUFFER = 1 << 20;

    private final BlobStore blobs;
    private final UrlSigner signer;
    private final FaultPlan faults;
    private final CallStats stats;
    private final SandboxOptions options;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final FaultResponder responder;

    DownloadServlet(BlobStore blobs, UrlSigner signer, FaultPlan faults, CallStats stats, SandboxOptions options) {
        this.blobs = blobs;
        this.signer = signer;
        this.faults = faults;
        this.stats = stats;
        this.options = options;
        this.responder = new FaultResponder(stats);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean head = "HEAD".equals(req.getMethod());
        String endpoint = head ? CallStats.OBJECT_HEAD : CallStats.OBJECT_GET;
        boolean dropped = false;
        boolean counted = false;
        stats.recordObjectRead(new CallStats.ObjectRead(req.getHeader("Range"), req.getHeader("User-Agent"), req.getHeader("Referer")));
        try {
            if (!head && !"GET".equals(req.getMethod())) {
                throw new OssException(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            }
            if (responder.apply(faults, Fault.Phase.BEFORE, endpoint, req, resp) != FaultResponder.Outcome.GO_ON) {
                counted = true;
                return;
            }
            SignedRequests.checkReferer(req);
            SignedRequests.verify(req, signer, options.clock());
            String disposition = req.getParameter(SignedRequests.DISPOSITION);
            if (disposition != null) resp.setHeader("Content-Disposition", disposition);
            String[] seg = req.getRequestURI().substring(ObjectUrls.DOWNLOAD_PREFIX.length()).split("/");
            if (seg.length < 2 || seg.length > 3) {
                throw noSuchKey();
            }
            String userId = seg[0];
            Path blob = blobs.path(seg[1]);
            if (!Files.exists(blob)) {
                throw noSuchKey();
            }
            AtomicInteger counter = inFlight.computeIfAbsent(userId, k -> new AtomicInteger());
            if (!head && options.downloadConcurrency() > 0 && counter.incrementAndGet() > options.downloadConcurrency()) {
                counter.decrementAndGet();
                throw new OssException(403, "RequestDeniedByCallback",
                        "Callback failed: {\"code\":\"ExceedMaxConcurrency\",\"message\":\"ExceedMaxConcurrency\"}");
            }
            try {
                counted = seg.length == 3 ? serveStream(req, resp, blob, seg[2], head) : serveFile(req, resp, blob, head);
            } finally {
                if (!head && options.downloadConcurrency() > 0) {
                    counter.decrementAndGet();
                }
            }
        } catch (OssException e) {
            e.write(resp);
        } catch (IOException e) {
            LOG.debug("download aborted: {}", e.toString()); // client went away
            dropped = true;
        } catch (RuntimeException e) {
            LOG.error("download failed", e);
            new OssException(500, "InternalError", "We encountered an internal error. Please try again.").write(resp);
        } finally {
            if (!counted) stats.record(endpoint, dropped ? CallStats.DROPPED : resp.getStatus());
        }
    }

    private boolean serveFile(HttpServletRequest req, HttpServletResponse resp, Path blob, boolean head)
            throws IOException {
        try (FileChannel ch = FileChannel.open(blob, StandardOpenOption.READ)) {
            ByteRange range = headers(req, resp, ch.size(), blob.getFileName().toString());
            if (range == null || head) {
                return false;
            }
            ch.position(range.start());
            return copy(req, resp, Channels.newInputStream(ch), range.length());
        }
    }

    private boolean serveStream(HttpServletRequest req, HttpServletResponse resp, Path blob, String stream, boolean head)
            throws IOException {
        try (ZipFile zip = new ZipFile(blob.toFile())) {
            ZipEntry entry = zip.stream().filter(e -> !e.isDirectory() && stream.equals(LivpStreams.streamType(e.getName())))
                    .findFirst().orElseThrow(DownloadServlet::noSuchKey);
            ByteRange range = headers(req, resp, entry.getSize(), blob.getFileName() + "-" + stream);
            if (range == null || head) {
                return false;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                in.skipNBytes(range.start());
                return copy(req, resp, in, range.length());
            }
        }
    }

    /** Sets status and headers; returns the range to send, or null when the answer is already complete. */
    private static ByteRange headers(HttpServletRequest req, HttpServletResponse resp, long size, String etag) {
        ByteRange range;
        try {
            range = ByteRange.parse(req.getHeader("Range"), size);
        } catch (ByteRange.Unsatisfiable e) {
            throw new OssException(416, "InvalidRange", "The requested range is not satisfiable",
                    "  <RangeRequested>" + req.getHeader("Range") + "</RangeRequested>\n  <ActualObjectSize>" + size
                            + "</ActualObjectSize>\n");
        }
        resp.setHeader("Accept-Ranges", "bytes");
        resp.setHeader("ETag", "\"" + etag + "\"");
        resp.setHeader("x-oss-request-id", Ids.hex(24).toUpperCase());
        resp.setContentType("application/octet-stream");
        resp.setBufferSize(BUFFER);
        if (range == null) {
            range = new ByteRange(0, size - 1);
            resp.setStatus(200);
        } else {
            resp.setStatus(206);
            resp.setHeader("Content-Range", "bytes " + range.start() + "-" + range.endInclusive() + "/" + size);
        }
        resp.setContentLengthLong(Math.max(0, range.length()));
        return size == 0 ? null : range;
    }

    /** Copies {@code length} bytes; true when the broken-stream fault cut the connection (already counted). */
    private boolean copy(HttpServletRequest req, HttpServletResponse resp, InputStream in, long length)
            throws IOException {
        long breakAfter = faults.takeDownloadBreak();
        ServletOutputStream out = resp.getOutputStream();
        byte[] buf = new byte[BUFFER];
        long sent = 0;
        while (sent < length) {
            int want = (int) Math.min(buf.length, length - sent);
            if (breakAfter >= 0) {
                want = (int) Math.min(want, breakAfter - sent);
                if (want <= 0) {
                    out.flush();
                    // counted before the socket closes: a client that sees the break sees the count too
                    stats.record(CallStats.OBJECT_GET, CallStats.DROPPED);
                    Connections.drop(req);
                    return true;
                }
            }
            int n = in.read(buf, 0, want);
            if (n < 0) {
                throw new IOException("content ended early");
            }
            out.write(buf, 0, n);
            sent += n;
            stats.addDownloadBytes(n);
        }
        return false;
    }

    private static OssException noSuchKey() {
        return new OssException(404, "NoSuchKey", "The specified key does not exist.");
    }
}
