package org.alidav.sandbox;

import jakarta.servlet.http.HttpServletRequest;

/** One authenticated (or token-endpoint) API call as handlers see it. */
record ApiCall(HttpServletRequest request, RequestBody body, SandboxUser user, String accessToken) {
}
