package org.alidav.dav.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RecentAnswersTest {

    @Test
    void keepsAtMostItsCapacityAndForgetsAllAtOnceWhenFull() {
        RecentAnswers<String, Integer> recent = new RecentAnswers<>(3);
        assertNull(recent.get("a"));
        assertEquals(1, recent.remember("a", 1));
        recent.remember("b", 2);
        recent.remember("c", 3);
        assertEquals(1, recent.get("a"));
        assertEquals(3, recent.get("c"));
        recent.remember("d", 4); // full: the three before are forgotten
        assertNull(recent.get("a"));
        assertNull(recent.get("c"));
        assertEquals(4, recent.get("d"));
    }
}
