package org.alidav.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request parameters from the query string only. Asked for parameters, Jetty would parse an
 * {@code application/x-www-form-urlencoded} body as form fields, and a PUT of such a file would be
 * consumed and stored as 0 bytes (spike P6).
 */
final class QueryOnlyParameters extends HttpServletRequestWrapper {
    private final Map<String, String[]> params;

    QueryOnlyParameters(HttpServletRequest request) {
        super(request);
        this.params = parse(request.getQueryString());
    }

    private static Map<String, String[]> parse(String query) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                lists.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(v);
            }
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        lists.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
        return Collections.unmodifiableMap(out);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    @Override
    public String getParameter(String name) {
        String[] v = params.get(name);
        return v == null ? null : v[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return params;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(params.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return params.get(name);
    }
}
