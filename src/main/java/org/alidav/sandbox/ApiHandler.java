package org.alidav.sandbox;

import java.io.IOException;

/** Handles one API route; returns the JSON answer (any Jackson-serialisable value or an {@link ApiResponse}). */
@FunctionalInterface
interface ApiHandler {
    Object handle(ApiCall call) throws IOException;
}
