package org.alidav.dav.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.alidav.drive.ByteRange;
import org.junit.jupiter.api.Test;

class RangeRequestTest {

    private static List<ByteRange> partial(String header, long length) {
        return assertInstanceOf(RangeRequest.Partial.class, RangeRequest.parse(header, length)).ranges();
    }

    @Test
    void closedOpenEndedAndClippedRanges() {
        assertEquals(List.of(new ByteRange(2, 5)), partial("bytes=2-5", 10));
        assertEquals(List.of(new ByteRange(7, 9)), partial("bytes=7-", 10));
        assertEquals(List.of(new ByteRange(8, 9)), partial("bytes=8-20", 10));
        assertEquals(List.of(new ByteRange(0, 0)), partial("BYTES = 0-0", 10));
    }

    @Test
    void suffixRangesCountFromTheEnd() {
        assertEquals(List.of(new ByteRange(7, 9)), partial("bytes=-3", 10));
        assertEquals(List.of(new ByteRange(0, 9)), partial("bytes=-30", 10));
    }

    @Test
    void multipleRangesKeepTheirOrder() {
        assertEquals(List.of(new ByteRange(4, 5), new ByteRange(0, 1)), partial("bytes=4-5, 0-1", 10));
        assertEquals(List.of(new ByteRange(0, 1)), partial("bytes=0-1,20-30", 10));
    }

    @Test
    void nothingSatisfiableIs416() {
        assertInstanceOf(RangeRequest.Unsatisfiable.class, RangeRequest.parse("bytes=20-30", 10));
        assertInstanceOf(RangeRequest.Unsatisfiable.class, RangeRequest.parse("bytes=-0", 10));
        assertInstanceOf(RangeRequest.Unsatisfiable.class, RangeRequest.parse("bytes=0-", 0));
        assertInstanceOf(RangeRequest.Unsatisfiable.class, RangeRequest.parse("bytes=-5", 0));
    }

    @Test
    void malformedHeadersAreIgnored() {
        for (String h : new String[]{null, "bytes=abc", "bytes=5-2", "bytes=", "items=0-1", "bytes=1-2-3", "bytes=--1",
                "bytes=99999999999999999999-", "bytes 0-1", "bytes=0-1,x"}) {
            assertInstanceOf(RangeRequest.Whole.class, RangeRequest.parse(h, 10), String.valueOf(h));
        }
    }

    @Test
    void tooManyRangesAreIgnored() {
        String many = "bytes=" + "0-0,".repeat(RangeRequest.MAX_RANGES) + "1-1";
        assertInstanceOf(RangeRequest.Whole.class, RangeRequest.parse(many, 10));
    }
}
