package org.alidav.dav.download;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.alidav.dav.http.HttpDates;
import org.alidav.dav.http.Preconditions;
import org.alidav.dav.http.RangeRequest;
import org.alidav.dav.resource.ETags;
import org.alidav.dav.resource.FileResource;
import org.alidav.drive.ByteRange;
import org.alidav.drive.Entry;

/**
 * {@code native_proxy}: streams a file through {@code Storage.open}, one range at a time and never buffering the content:
 * conditional headers, single and multiple ranges ({@code multipart/byteranges}), 416 with
 * {@code Content-Range: bytes *}{@code /len}, and caching headers that keep private data private.
 * Ranges are planned by {@link RangeRequest}: one upstream read per coalesced range, or one for the
 * whole file when the header asks for more than it.
 */
public final class StreamDownload implements Download {
    private final int maxRanges;

    /** @param maxRanges most ranges answered as one multipart 206; more get the whole file */
    public StreamDownload(int maxRanges) {
        if (maxRanges < 1) throw new IllegalArgumentException("maxRanges " + maxRanges);
        this.maxRanges = maxRanges;
    }

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, FileResource file) throws IOException {
        Entry e = file.entry();
        String etag = ETags.of(e);
        Preconditions pre = new Preconditions(etag, e.modified());
        response.setHeader("ETag", etag);
        response.setHeader("Last-Modified", HttpDates.format(e.modified()));
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Content-Disposition", ContentDisposition.inline(file.getName()));
        // authenticated, per-user content: shared caches must not keep it
        response.setHeader("Cache-Control", "private");
        switch (pre.evaluate(request)) {
            case NOT_MODIFIED -> {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            case PRECONDITION_FAILED -> {
                response.setStatus(HttpServletResponse.SC_PRECONDITION_FAILED);
                return;
            }
            case PROCEED -> {
            }
        }
        boolean head = request.getMethod().equals("HEAD");
        RangeRequest ranges = pre.rangeAllowed(request) ? RangeRequest.parse(request.getHeader("Range"), e.size(), maxRanges) : new RangeRequest.Whole();
        if (ranges instanceof RangeRequest.Unsatisfiable) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader("Content-Range", "bytes */" + e.size());
            response.setContentLengthLong(0);
        } else if (ranges instanceof RangeRequest.Partial p && p.ranges().size() == 1) {
            ByteRange r = p.ranges().get(0);
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", contentRange(r, e.size()));
            send(response, file, r, head);
        } else if (ranges instanceof RangeRequest.Partial p) {
            sendMultipart(response, file, p.ranges(), head);
        } else {
            response.setStatus(HttpServletResponse.SC_OK);
            send(response, file, ByteRange.whole(e.size()), head);
        }
    }

    private static void send(HttpServletResponse response, FileResource file, ByteRange range, boolean head) throws IOException {
        response.setContentType(file.contentType());
        response.setContentLengthLong(range.length());
        if (head || range.length() == 0) return;
        try (InputStream in = file.open(range)) {
            copy(in, response.getOutputStream(), range.length());
        }
    }

    private static void sendMultipart(HttpServletResponse response, FileResource file, List<ByteRange> ranges, boolean head) throws IOException {
        String boundary = UUID.randomUUID().toString().replace("-", "");
        long size = file.entry().size();
        long length = 0;
        for (ByteRange r : ranges) length += partHeader(boundary, file.contentType(), r, size).length + r.length();
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        length += end.length;
        response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
        response.setContentType("multipart/byteranges; boundary=" + boundary);
        response.setContentLengthLong(length);
        if (head) return;
        OutputStream out = response.getOutputStream();
        for (ByteRange r : ranges) {
            out.write(partHeader(boundary, file.contentType(), r, size));
            try (InputStream in = file.open(r)) {
                copy(in, out, r.length());
            }
        }
        out.write(end);
    }

    /**
     * One window of at most 64 KiB per stream, nothing more held; no larger than the range, so a small
     * file costs no 64 KiB allocation per GET. A client that goes away fails the write, and the
     * try-with-resources of the caller closes the source at once (a cloud read stops there).
     */
    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buf = new byte[(int) Math.max(1, Math.min(64 * 1024, length))];
        int n;
        while ((n = in.read(buf)) >= 0) out.write(buf, 0, n);
    }

    private static byte[] partHeader(String boundary, String type, ByteRange r, long size) {
        String h = "\r\n--" + boundary + "\r\nContent-Type: " + type + "\r\nContent-Range: " + contentRange(r, size) + "\r\n\r\n";
        return h.getBytes(StandardCharsets.US_ASCII);
    }

    private static String contentRange(ByteRange r, long size) {
        return "bytes " + r.first() + "-" + r.last() + "/" + size;
    }
}
