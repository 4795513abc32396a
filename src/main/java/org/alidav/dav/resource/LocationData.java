package org.alidav.dav.resource;

import java.util.List;
import org.alidav.dav.mount.Location;

/**
 * Data kept per location outside the storage (dead properties, locks), which must follow what a
 * DELETE, MOVE or COPY does to the location. The resources call it; the packages that keep such
 * data implement it ({@code dav.props.DeadPropertyStore}; the lock extension through
 * {@code dav.PathListener}), so the resources depend on neither.
 */
public interface LocationData {
    /** {@code at} (and everything below it) was deleted. */
    void delete(Location at);

    /** {@code from} (and everything below it) is now at {@code to}. */
    void move(Location from, Location to);

    /** {@code from} was copied to {@code to}; with {@code deep}, everything below it too. */
    void copy(Location from, Location to, boolean deep);

    /** All of {@code parts}, each told in turn. */
    static LocationData all(List<? extends LocationData> parts) {
        List<LocationData> copy = List.copyOf(parts);
        return new LocationData() {
            @Override
            public void delete(Location at) {
                copy.forEach(d -> d.delete(at));
            }

            @Override
            public void move(Location from, Location to) {
                copy.forEach(d -> d.move(from, to));
            }

            @Override
            public void copy(Location from, Location to, boolean deep) {
                copy.forEach(d -> d.copy(from, to, deep));
            }
        };
    }
}
