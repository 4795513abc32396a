package org.alidav.faults;

import java.util.ArrayList;
import java.util.List;
import org.alidav.sandbox.CallStats;
import org.alidav.sandbox.SandboxServer;

/**
 * One call a write makes that changes the service's state: the {@code index}-th call (from 0) of
 * {@code endpoint} during the write. The steps of a write path are found by running it once without
 * faults and counting its calls, so the matrix follows whatever protocol the server uses.
 */
record Step(String endpoint, int index, int of) {
    /** The endpoints that change state, in the order a replace usually calls them. */
    static final List<String> MUTATING = List.of(
            api("openFile/create"), CallStats.OBJECT_PUT, api("openFile/complete"), api("openFile/update"),
            api("openFile/move"), api("openFile/copy"), api("openFile/recyclebin/trash"), api("openFile/delete"));

    /** The steps of a write, from the calls counted while it ran. */
    static List<Step> from(CallStats stats) {
        List<Step> steps = new ArrayList<>();
        for (String endpoint : MUTATING) {
            int n = (int) stats.count(endpoint);
            for (int i = 0; i < n; i++) steps.add(new Step(endpoint, i, n));
        }
        return steps;
    }

    boolean isApi() {
        return endpoint.startsWith(SandboxServer.API_PREFIX);
    }

    @Override
    public String toString() {
        String name = endpoint.equals(CallStats.OBJECT_PUT) ? "part"
                : endpoint.substring(endpoint.lastIndexOf('/') + 1);
        return of > 1 ? name + " " + (index + 1) + "/" + of : name;
    }

    private static String api(String path) {
        return SandboxServer.API_PREFIX + path;
    }
}
