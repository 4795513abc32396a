package org.alidav.dav;

import java.util.List;
import org.alidav.dav.mount.Location;
import org.alidav.dav.resource.LocationData;

/**
 * Told after a resource was deleted or moved, with decoded WebDAV paths; the lock manager drops or
 * moves its locks this way.
 */
public interface PathListener {
    void onDelete(String path);

    void onMove(String from, String to);

    /** {@code listeners} as data the resources carry along: deletes and moves by WebDAV path; a copy takes no locks along. */
    static LocationData asLocationData(List<? extends PathListener> listeners) {
        List<PathListener> copy = List.copyOf(listeners);
        return new LocationData() {
            @Override
            public void delete(Location at) {
                copy.forEach(l -> l.onDelete(at.davPath()));
            }

            @Override
            public void move(Location from, Location to) {
                copy.forEach(l -> l.onMove(from.davPath(), to.davPath()));
            }

            @Override
            public void copy(Location from, Location to, boolean deep) {
                // locks stay with the resource they were taken on: a copy starts unlocked
            }
        };
    }
}
