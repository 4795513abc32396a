package org.alidav.dav.http;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Conditional request headers evaluated in the order of RFC 9110 §13.2.2. Milton ignores If-Match
 * on GET, compares If-None-Match strongly and only honours If-Modified-Since inside its max-age
 * window; GET, HEAD and PUT use this instead.
 *
 * @param etag         the current strong entity tag, or null when the resource does not exist
 * @param lastModified the current modification time, or null when the resource does not exist
 */
public record Preconditions(String etag, Instant lastModified) {

    public enum Outcome { PROCEED, NOT_MODIFIED, PRECONDITION_FAILED }

    public static Preconditions absent() {
        return new Preconditions(null, null);
    }

    private boolean exists() {
        return etag != null;
    }

    public Outcome evaluate(HttpServletRequest request) {
        boolean readOnly = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        String ifMatch = request.getHeader("If-Match");
        if (ifMatch != null) {
            if (!matchesAny(ifMatch, true)) return Outcome.PRECONDITION_FAILED;
        } else {
            Optional<Instant> ius = HttpDates.parse(request.getHeader("If-Unmodified-Since"));
            if (ius.isPresent() && exists() && HttpDates.seconds(lastModified).isAfter(ius.get())) {
                return Outcome.PRECONDITION_FAILED;
            }
        }
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            if (matchesAny(ifNoneMatch, false)) return readOnly ? Outcome.NOT_MODIFIED : Outcome.PRECONDITION_FAILED;
        } else if (readOnly && exists()) {
            Optional<Instant> ims = HttpDates.parse(request.getHeader("If-Modified-Since"));
            if (ims.isPresent() && !HttpDates.seconds(lastModified).isAfter(ims.get())) return Outcome.NOT_MODIFIED;
        }
        return Outcome.PROCEED;
    }

    /**
     * If-Range (RFC 9110 §13.1.5): true when the Range header may be used, which is when there is no
     * If-Range, or its strong tag matches, or its date equals the modification time.
     */
    public boolean rangeAllowed(HttpServletRequest request) {
        String ifRange = request.getHeader("If-Range");
        if (ifRange == null) return true;
        if (!exists()) return false;
        String v = ifRange.trim();
        if (v.startsWith("\"") || v.startsWith("W/")) return EntityTags.strongMatch(v, etag);
        return HttpDates.parse(v).map(d -> d.equals(HttpDates.seconds(lastModified))).orElse(false);
    }

    private boolean matchesAny(String header, boolean strong) {
        if (!exists()) return false;
        List<String> tags = EntityTags.parse(header);
        for (String t : tags) {
            if (t.equals("*")) return true;
            if (strong ? EntityTags.strongMatch(t, etag) : EntityTags.weakMatch(t, etag)) return true;
        }
        return false;
    }
}
