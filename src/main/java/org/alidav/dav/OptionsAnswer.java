package org.alidav.dav;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The answer to OPTIONS from a client that has not logged in yet. Windows' MiniRedir and Finder
 * probe with OPTIONS before they send credentials and want to see WebDAV there; the answer is the
 * same for every path and costs no lookup, so it tells nothing about which paths exist (no 404, no
 * ETag, no backend call).
 *
 * @param dav   the DAV compliance classes, as Milton announces them ({@code 1} or {@code 1, 2})
 * @param allow every method the server implements
 */
public record OptionsAnswer(String dav, String allow) {

    public void write(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("DAV", dav);
        response.setHeader("MS-Author-Via", "DAV");
        response.setHeader("Allow", allow);
        response.setContentLength(0);
    }
}
