package org.alidav.dav;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing client skips a test on a developer's machine and fails it under CI=true. */
class ExternalClientTest {
    private static final String MISSING = "alidav-no-such-client";

    @Test
    void aMissingClientSkipsOutsideCi() {
        assertThrows(TestAbortedException.class, () -> ExternalClient.require(MISSING, null));
        assertThrows(TestAbortedException.class, () -> ExternalClient.require(MISSING, "false"));
    }

    @Test
    void aMissingClientFailsUnderCi() {
        assertThrows(AssertionFailedError.class, () -> ExternalClient.require(MISSING, "true"));
    }

    @Test
    void anInstalledProgramPasses() {
        assertDoesNotThrow(() -> ExternalClient.require("sh", "true"));
    }
}
