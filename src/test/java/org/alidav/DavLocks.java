package org.alidav;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The LOCK body desktop clients send, and the token out of the answer. */
public final class DavLocks {
    public static final String EXCLUSIVE_BODY = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype>"
            + "<D:owner><D:href>user</D:href></D:owner></D:lockinfo>";
    private static final Pattern LOCK_TOKEN = Pattern.compile("<(urn:[^>]+|opaquelocktoken:[^>]+)>");

    private DavLocks() {
    }

    /** The token of the Lock-Token header, without its angle brackets. */
    public static String token(HttpResponse<String> lock) {
        Matcher m = LOCK_TOKEN.matcher(lock.headers().firstValue("Lock-Token").orElse(""));
        assertTrue(m.find(), "Lock-Token header: " + lock.headers().map());
        return m.group(1);
    }
}
