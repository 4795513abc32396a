package org.alidav.drive;

import java.time.Instant;
import java.util.Map;

/**
 * A URL from which a file can be fetched directly, with the headers the request must carry, the
 * moment it was issued and the moment it stops working (taken from the URL itself where the cloud
 * encodes it). A link's life runs from {@code issued} to {@code expires}: a cache that hands links
 * to clients judges how much of it is left, so it must not restart the count when it gets a link
 * another cache held. {@code issued} is null when unknown (a cache then counts from when it got it);
 * {@code expires} is null for a link that does not expire.
 */
public record Link(String url, Map<String, String> headers, Instant issued, Instant expires) {
    public Link {
        headers = Map.copyOf(headers);
    }

    /** This link with its issue moment set to {@code at} unless it knows its own. */
    public Link withIssuedIfUnknown(Instant at) {
        return issued != null ? this : new Link(url, headers, at, expires);
    }

    public boolean usableAt(Instant now, java.time.Duration margin) {
        return expires == null || now.plus(margin).isBefore(expires);
    }
}
