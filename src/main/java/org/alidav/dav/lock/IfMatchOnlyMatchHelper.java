package org.alidav.dav.lock;

import io.milton.http.Request;
import io.milton.http.http11.ETagGenerator;
import io.milton.http.http11.MatchHelper;
import io.milton.resource.Resource;

/**
 * Milton's PUT also reads an entity tag out of the If header with a regular expression and compares it
 * unquoted against the quoted ETag, so every {@code If: (… ["etag"])} PUT fails with 412. The
 * {@link LockGuard} evaluates the If header properly; this helper keeps Milton to If-Match alone.
 */
final class IfMatchOnlyMatchHelper extends MatchHelper {
    IfMatchOnlyMatchHelper(ETagGenerator eTagGenerator) {
        super(eTagGenerator);
    }

    @Override
    public boolean checkIfMatch(Resource resource, Request request) {
        String ifMatch = request.getIfMatchHeader();
        // Milton consults the If header only when If-Match is absent or empty
        return ifMatch == null || ifMatch.isEmpty() || super.checkIfMatch(resource, request);
    }
}
