package org.alidav.dav.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;

/** Supplies {@code Overwrite: T}, the default of RFC 4918 §10.6 that Milton treats as F. */
final class OverwriteDefaultRequest extends HttpServletRequestWrapper {
    OverwriteDefaultRequest(HttpServletRequest request) {
        super(request);
    }

    @Override
    public String getHeader(String name) {
        return name.equalsIgnoreCase("Overwrite") ? "T" : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return name.equalsIgnoreCase("Overwrite") ? Collections.enumeration(java.util.List.of("T")) : super.getHeaders(name);
    }
}
