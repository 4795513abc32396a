package org.alidav.dav.lock;

import io.milton.http.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writes the small responses of the lock layer; Milton's response handler has no DAV:error bodies. */
final class DavReplies {
    private DavReplies() {
    }

    static void status(Response response, Response.Status status) {
        response.setStatus(status);
        response.setContentLengthHeader(0L);
    }

    static void xml(Response response, Response.Status status, String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentTypeHeader(LockXml.CONTENT_TYPE);
        response.setContentLengthHeader((long) body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("client went away while writing " + status, e);
        }
    }

    /** 423 naming the lock whose token was not submitted (RFC 4918 §16 lock-token-submitted). */
    static void locked(Response response, ActiveLock lock) {
        xml(response, Response.Status.SC_LOCKED, LockXml.error("lock-token-submitted", lock.root()));
    }
}
