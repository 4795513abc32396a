package org.alidav.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * One run of a write path in its own folder: the old body at the target (for the paths that replace
 * one) and one new body per writer.
 */
record WriteCase(WritePath path, String folder, Body old, List<Body> bodies) {
    /** Bodies of {@code size} bytes, distinct per case and writer. */
    static WriteCase of(WritePath path, String folder, int writers, int size, long seed) {
        List<Body> bodies = new ArrayList<>();
        for (int i = 0; i < writers; i++) bodies.add(Body.random("writer " + i, size, seed * 1000 + i + 1));
        return new WriteCase(path, folder, Body.random("old", size, seed * 1000), List.copyOf(bodies));
    }

    int writers() {
        return bodies.size();
    }

    /** The WebDAV path (no leading slash) of {@code name} in the case folder. */
    String path(String name) {
        return folder + "/" + name;
    }

    /** Creates the folder and the files the write starts from. */
    void seed(DavClient dav) {
        int status = dav.mkcol(folder);
        // a kept-alive connection the server closed after the last case: ask again (405 = it was made)
        if (status == DavClient.NO_ANSWER && dav.mkcol(folder) == 405) status = 201;
        if (status != 201) throw new IllegalStateException("MKCOL " + folder + " answered " + status);
        path.seed(dav, this);
    }

    /** Every writer's request at once; their statuses in writer order. */
    List<Integer> run(DavClient dav, ExecutorService pool) {
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < writers(); i++) {
            int writer = i;
            calls.add(CompletableFuture.supplyAsync(() -> path.write(dav, this, writer), pool));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }
}
