package org.alidav.drive;

import java.time.Instant;
import java.util.Map;

/**
 * A URL from which a file can be fetched directly, with the headers the request must carry and the
 * moment the URL stops working (taken from the URL itself where the cloud encodes it).
 */
public record Link(String url, Map<String, String> headers, Instant expires) {
    public Link {
        headers = Map.copyOf(headers);
    }

    public boolean usableAt(Instant now, java.time.Duration margin) {
        return expires == null || now.plus(margin).isBefore(expires);
    }
}
