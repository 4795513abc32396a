package org.alidav.dav;

import java.util.List;

/**
 * Told after a resource was deleted or moved, with decoded WebDAV paths; the lock manager drops or
 * moves its locks this way.
 */
public interface PathListener {
    void onDelete(String path);

    void onMove(String from, String to);

    static PathListener all(List<? extends PathListener> listeners) {
        return new PathListener() {
            @Override
            public void onDelete(String path) {
                listeners.forEach(l -> l.onDelete(path));
            }

            @Override
            public void onMove(String from, String to) {
                listeners.forEach(l -> l.onMove(from, to));
            }
        };
    }
}
