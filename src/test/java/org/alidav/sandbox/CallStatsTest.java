package org.alidav.sandbox;

import static org.alidav.sandbox.TestApi.m;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CallStatsTest extends SandboxTestSupport {
    private static final String SPACE = SandboxServer.API_PREFIX + "user/getSpaceInfo";

    /** A test reads the counters right after its call returns: the call must already be counted. */
    @Test
    void aCallIsCountedBeforeItsAnswerArrives() {
        for (int i = 1; i <= 100; i++) {
            boolean fail = i % 3 == 0;
            if (fail) sandbox.faults().failNext(1, SPACE, FaultPlan.Failure.INTERNAL_ERROR);
            assertEquals(fail ? 500 : 200, api.post("user/getSpaceInfo", m()).status());
            assertEquals(i, sandbox.stats().count(SPACE), "after call " + i);
        }
    }
}
