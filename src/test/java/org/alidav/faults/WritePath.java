package org.alidav.faults;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alidav.sandbox.StoredItem;

/**
 * The rows of the matrix: each write path seeds its case folder, sends its writers' requests and
 * judges the end state. The rules are the issue's: one live file per name, its content one of the
 * complete bodies, a name that held a file never left empty, no stray sessions or temp files, and
 * never a 404 for the file being written (the status may be an error: only the end state counts).
 */
enum WritePath {
    PUT_NEW("PUT new file") {
        @Override
        void seed(DavClient dav, WriteCase c) {
        }

        @Override
        int write(DavClient dav, WriteCase c, int writer) {
            return dav.put(c.path(TARGET), c.bodies().get(writer));
        }

        @Override
        void judge(WriteCase c, CloudFolder cloud, List<Integer> statuses, List<String> violations) {
            Set<String> allowed = sha1s(c.bodies());
            onlyOne(cloud, TARGET, anySucceeded(statuses), allowed, violations);
        }
    },
    PUT_OVERWRITE("PUT overwrite") {
        @Override
        void seed(DavClient dav, WriteCase c) {
            seedFile(dav, c, TARGET, c.old());
        }

        @Override
        int write(DavClient dav, WriteCase c, int writer) {
            return dav.put(c.path(TARGET), c.bodies().get(writer));
        }

        @Override
        void judge(WriteCase c, CloudFolder cloud, List<Integer> statuses, List<String> violations) {
            replaced(c, cloud, statuses, violations);
        }
    },
    MOVE_OVERWRITE("MOVE onto existing") {
        @Override
        void seed(DavClient dav, WriteCase c) {
            seedFile(dav, c, TARGET, c.old());
            for (int i = 0; i < c.writers(); i++) seedFile(dav, c, source(i), c.bodies().get(i));
        }

        @Override
        int write(DavClient dav, WriteCase c, int writer) {
            return dav.relocate("MOVE", c.path(source(writer)), c.path(TARGET));
        }

        @Override
        void judge(WriteCase c, CloudFolder cloud, List<Integer> statuses, List<String> violations) {
            replaced(c, cloud, statuses, violations);
            List<StoredItem> target = cloud.live(TARGET);
            for (int i = 0; i < c.writers(); i++) {
                List<StoredItem> src = cloud.live(source(i));
                Body body = c.bodies().get(i);
                if (src.size() > 1) violations.add(source(i) + ": " + src.size() + " live copies");
                if (src.size() == 1 && !body.sha1().equals(src.get(0).contentHash())) {
                    violations.add(source(i) + ": content changed");
                }
                boolean moved = target.stream().anyMatch(t -> body.sha1().equals(t.contentHash()));
                if (src.isEmpty() && !succeeded(statuses.get(i)) && !moved) {
                    violations.add(source(i) + ": gone after a failed MOVE (" + statuses.get(i) + ") and not at the target");
                }
                if (!src.isEmpty() && succeeded(statuses.get(i))) {
                    violations.add(source(i) + ": still there after MOVE answered " + statuses.get(i));
                }
            }
        }
    },
    COPY_OVERWRITE("COPY onto existing") {
        @Override
        void seed(DavClient dav, WriteCase c) {
            MOVE_OVERWRITE.seed(dav, c);
        }

        @Override
        int write(DavClient dav, WriteCase c, int writer) {
            return dav.relocate("COPY", c.path(source(writer)), c.path(TARGET));
        }

        @Override
        void judge(WriteCase c, CloudFolder cloud, List<Integer> statuses, List<String> violations) {
            replaced(c, cloud, statuses, violations);
            for (int i = 0; i < c.writers(); i++) {
                onlyOne(cloud, source(i), true, Set.of(c.bodies().get(i).sha1()), violations);
            }
        }
    },
    DELETE("DELETE") {
        @Override
        void seed(DavClient dav, WriteCase c) {
            seedFile(dav, c, TARGET, c.old());
        }

        @Override
        int write(DavClient dav, WriteCase c, int writer) {
            return dav.delete(c.path(TARGET));
        }

        @Override
        boolean notFoundAllowed(WriteCase c) {
            return c.writers() > 1; // concurrent deleters: all but one find nothing
        }

        @Override
        void judge(WriteCase c, CloudFolder cloud, List<Integer> statuses, List<String> violations) {
            List<StoredItem> live = cloud.live(TARGET);
            if (live.size() > 1) violations.add(TARGET + ": " + live.size() + " live copies");
            if (anySucceeded(statuses) && !live.isEmpty()) violations.add(TARGET + ": still there after a 2xx DELETE");
            if (live.size() == 1 && !c.old().sha1().equals(live.get(0).contentHash())) {
                violations.add(TARGET + ": content changed");
            }
        }
    };

    static final String TARGET = "f.bin";

    final String label;

    WritePath(String label) {
        this.label = label;
    }

    /** Puts the files the write starts from into the case folder, through the server. */
    abstract void seed(DavClient dav, WriteCase c);

    /** The request of writer {@code writer}; its status, or {@link DavClient#NO_ANSWER}. */
    abstract int write(DavClient dav, WriteCase c, int writer);

    /** Adds what is wrong with the end state to {@code violations}. */
    abstract void judge(WriteCase c, CloudFolder cloud, List<Integer> statuses, List<String> violations);

    boolean notFoundAllowed(WriteCase c) {
        return false;
    }

    /** Every violation of the end state, the status checks and stray items included. */
    List<String> violations(WriteCase c, CloudFolder cloud, List<Integer> statuses) {
        List<String> violations = new ArrayList<>();
        if (!notFoundAllowed(c) && statuses.contains(404)) violations.add("404 for the file being written " + statuses);
        judge(c, cloud, statuses, violations);
        List<String> strays = cloud.strays(names(c));
        if (!strays.isEmpty()) violations.add("strays " + strays);
        return violations;
    }

    /** The names the case may hold. */
    Set<String> names(WriteCase c) {
        Set<String> names = new HashSet<>(Set.of(TARGET));
        if (this == MOVE_OVERWRITE || this == COPY_OVERWRITE) {
            for (int i = 0; i < c.writers(); i++) names.add(source(i));
        }
        return names;
    }

    static String source(int writer) {
        return "s" + writer + ".bin";
    }

    /** The target held the old file: exactly one live copy, old or new, and new once any writer succeeded. */
    private static void replaced(WriteCase c, CloudFolder cloud, List<Integer> statuses, List<String> violations) {
        Set<String> allowed = sha1s(c.bodies());
        if (!anySucceeded(statuses)) allowed.add(c.old().sha1());
        onlyOne(cloud, TARGET, true, allowed, violations);
    }

    private static void onlyOne(CloudFolder cloud, String name, boolean required, Set<String> allowed, List<String> violations) {
        List<StoredItem> live = cloud.live(name);
        if (live.size() > 1) violations.add(name + ": " + live.size() + " live copies");
        else if (live.isEmpty() && required) violations.add(name + ": empty");
        else if (live.size() == 1 && !allowed.contains(live.get(0).contentHash())) {
            violations.add(name + ": content is none of the allowed complete bodies");
        }
    }

    private static void seedFile(DavClient dav, WriteCase c, String name, Body body) {
        int status = dav.put(c.path(name), body);
        if (status == DavClient.NO_ANSWER) status = dav.put(c.path(name), body); // see WriteCase.seed
        if (status != 201 && status != 204) throw new IllegalStateException("seeding " + c.path(name) + " answered " + status);
    }

    private static Set<String> sha1s(List<Body> bodies) {
        Set<String> s = new HashSet<>();
        bodies.forEach(b -> s.add(b.sha1()));
        return s;
    }

    static boolean succeeded(int status) {
        return status >= 200 && status < 300;
    }

    private static boolean anySucceeded(List<Integer> statuses) {
        return statuses.stream().anyMatch(WritePath::succeeded);
    }
}
