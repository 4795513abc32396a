package org.alidav.dav.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.alidav.dav.http.Preconditions.Outcome;
import org.junit.jupiter.api.Test;

class PreconditionsTest {
    private static final Instant MODIFIED = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final String DATE = "Fri, 02 Jan 2026 03:04:05 GMT";
    private static final Preconditions FILE = new Preconditions("\"abc\"", MODIFIED);

    private static HttpServletRequest request(String method, String... headers) {
        Map<String, String> h = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) h.put(headers[i].toLowerCase(), headers[i + 1]);
        return (HttpServletRequest) Proxy.newProxyInstance(PreconditionsTest.class.getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeader" -> h.get(((String) args[0]).toLowerCase());
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void ifNoneMatchUsesWeakComparison() {
        assertEquals(Outcome.NOT_MODIFIED, FILE.evaluate(request("GET", "If-None-Match", "\"abc\"")));
        assertEquals(Outcome.NOT_MODIFIED, FILE.evaluate(request("GET", "If-None-Match", "\"x\", W/\"abc\"")));
        assertEquals(Outcome.NOT_MODIFIED, FILE.evaluate(request("HEAD", "If-None-Match", "*")));
        assertEquals(Outcome.PROCEED, FILE.evaluate(request("GET", "If-None-Match", "\"other\"")));
        assertEquals(Outcome.PRECONDITION_FAILED, FILE.evaluate(request("PUT", "If-None-Match", "*")));
        assertEquals(Outcome.PROCEED, Preconditions.absent().evaluate(request("PUT", "If-None-Match", "*")));
    }

    @Test
    void ifModifiedSinceComparesWholeSeconds() {
        assertEquals(Outcome.NOT_MODIFIED, FILE.evaluate(request("GET", "If-Modified-Since", DATE)));
        assertEquals(Outcome.PROCEED, FILE.evaluate(request("GET", "If-Modified-Since", "Fri, 02 Jan 2026 03:04:04 GMT")));
        assertEquals(Outcome.PROCEED, FILE.evaluate(request("GET", "If-Modified-Since", "not a date")));
        // If-None-Match wins over If-Modified-Since
        assertEquals(Outcome.PROCEED, FILE.evaluate(request("GET", "If-None-Match", "\"other\"", "If-Modified-Since", DATE)));
    }

    @Test
    void ifMatchUsesStrongComparison() {
        assertEquals(Outcome.PROCEED, FILE.evaluate(request("GET", "If-Match", "\"abc\"")));
        assertEquals(Outcome.PRECONDITION_FAILED, FILE.evaluate(request("GET", "If-Match", "W/\"abc\"")));
        assertEquals(Outcome.PRECONDITION_FAILED, FILE.evaluate(request("PUT", "If-Match", "\"old\"")));
        assertEquals(Outcome.PRECONDITION_FAILED, Preconditions.absent().evaluate(request("PUT", "If-Match", "*")));
        assertEquals(Outcome.PRECONDITION_FAILED, FILE.evaluate(request("PUT", "If-Unmodified-Since", "Thu, 01 Jan 2026 00:00:00 GMT")));
    }

    @Test
    void ifRangeAcceptsStrongTagOrExactDate() {
        assertTrue(FILE.rangeAllowed(request("GET")));
        assertTrue(FILE.rangeAllowed(request("GET", "If-Range", "\"abc\"")));
        assertFalse(FILE.rangeAllowed(request("GET", "If-Range", "W/\"abc\"")));
        assertFalse(FILE.rangeAllowed(request("GET", "If-Range", "\"old\"")));
        assertTrue(FILE.rangeAllowed(request("GET", "If-Range", DATE)));
        assertFalse(FILE.rangeAllowed(request("GET", "If-Range", "Thu, 01 Jan 2026 00:00:00 GMT")));
    }

    @Test
    void datesAreFormattedWithTwoDigitDays() {
        assertEquals("Fri, 02 Jan 2026 03:04:05 GMT", HttpDates.format(MODIFIED));
    }
}
