package org.alidav.dav.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.alidav.drive.ByteRange;
import org.junit.jupiter.api.Test;

class RangeRequestTest {

    private static final int MAX = RangeRequest.DEFAULT_MAX_RANGES;

    private static List<ByteRange> partial(String header, long length) {
        return assertInstanceOf(RangeRequest.Partial.class, RangeRequest.parse(header, length, MAX)).ranges();
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
    void multipleRangesAreSortedAndUnsatisfiableOnesDropped() {
        assertEquals(List.of(new ByteRange(0, 1), new ByteRange(4, 5)), partial("bytes=4-5, 0-1", 10));
        assertEquals(List.of(new ByteRange(0, 1)), partial("bytes=0-1,20-30", 10));
    }

    @Test
    void overlappingAndAdjacentRangesAreCoalesced() {
        assertEquals(List.of(new ByteRange(0, 5)), partial("bytes=0-2,3-5", 100));
        assertEquals(List.of(new ByteRange(0, 6)), partial("bytes=4-6,0-4", 100));
        assertEquals(List.of(new ByteRange(10, 20)), partial("bytes=10-20,12-15", 100));
        assertEquals(List.of(new ByteRange(0, 1), new ByteRange(3, 4), new ByteRange(90, 99)), partial("bytes=3-4,-10,0-0,1-1", 100));
    }

    @Test
    void rangesAddingUpToMoreThanTheFileGetTheWholeFile() {
        String copies = "bytes=" + "0-1048575,".repeat(31) + "0-1048575";
        assertInstanceOf(RangeRequest.Whole.class, RangeRequest.parse(copies, 1 << 20, MAX));
        assertInstanceOf(RangeRequest.Whole.class, RangeRequest.parse("bytes=0-5,5-9", 10, MAX), "11 bytes asked of 10");
        assertEquals(List.of(new ByteRange(0, 9)), partial("bytes=0-4,5-9", 10), "exactly the file is still a 206");
    }

    @Test
    void nothingSatisfiableIs416() {
        assertInstanceOf(RangeRequest.Unsatisfiable.class, RangeRequest.parse("bytes=20-30", 10, MAX));
        assertInstanceOf(RangeRequest.Unsatisfiable.class, RangeRequest.parse("bytes=-0", 10, MAX));
        assertInstanceOf(RangeRequest.Unsatisfiable.class, RangeRequest.parse("bytes=0-", 0, MAX));
        assertInstanceOf(RangeRequest.Unsatisfiable.class, RangeRequest.parse("bytes=-5", 0, MAX));
    }

    @Test
    void malformedHeadersAreIgnored() {
        for (String h : new String[]{null, "bytes=abc", "bytes=5-2", "bytes=", "items=0-1", "bytes=1-2-3", "bytes=--1",
                "bytes=99999999999999999999-", "bytes 0-1", "bytes=0-1,x"}) {
            assertInstanceOf(RangeRequest.Whole.class, RangeRequest.parse(h, 10, MAX), String.valueOf(h));
        }
    }

    @Test
    void moreRangesThanTheLimitAfterCoalescingGetTheWholeFile() {
        StringBuilder h = new StringBuilder("bytes=0-0");
        for (int i = 1; i <= 3; i++) h.append(',').append(i * 10).append('-').append(i * 10);
        assertEquals(4, partial(h.toString(), 100).size());
        assertInstanceOf(RangeRequest.Whole.class, RangeRequest.parse(h.toString(), 100, 3));
        assertEquals(1, assertInstanceOf(RangeRequest.Partial.class, RangeRequest.parse("bytes=0-0,1-1,2-2,3-3", 100, 3)).ranges().size(),
                "adjacent ranges count once");
    }
}
