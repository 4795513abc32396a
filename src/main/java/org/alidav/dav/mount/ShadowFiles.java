package org.alidav.dav.mount;

import java.util.List;
import org.alidav.drive.DrivePath;
import org.alidav.drive.Entry;
import org.alidav.drive.cache.Storage;

/**
 * The shadow store of a mount: a local folder tree mirroring the mount's paths, holding only system
 * files ({@link SystemFiles}). The client sees its own writes of them, nothing is uploaded, and
 * looking one up never reaches the mount's storage. Folders along the way are created on demand; the
 * mount's own folder is not checked, so a PUT of {@code ._x} is accepted even where Finder guessed a
 * folder wrongly (harmless: it is invisible until that folder exists).
 */
public final class ShadowFiles {
    private ShadowFiles() {
    }

    /** Creates the shadow folders above {@code at} when it lives in a shadow store. */
    public static void ensureParents(Location at) {
        if (!isShadow(at) || at.path().isRoot()) return;
        Storage shadow = at.storage();
        DrivePath p = DrivePath.ROOT;
        for (String name : at.path().parent().names()) {
            p = p.child(name);
            if (shadow.find(p).isEmpty()) shadow.mkdir(p);
        }
    }

    /** The system files shadowed inside a folder of the mount. */
    public static List<Entry> children(Location folder) {
        if (!hasShadow(folder)) return List.of();
        Storage shadow = folder.mount().shadow();
        return shadow.find(folder.path()).filter(Entry::folder)
                .map(e -> shadow.list(folder.path()).stream().filter(c -> SystemFiles.isSystemName(c.name())).toList())
                .orElse(List.of());
    }

    /** After a mount folder was deleted: drop its shadowed files. */
    public static void followDelete(Location at) {
        if (!hasShadow(at) || at.path().isRoot()) return;
        Storage shadow = at.mount().shadow();
        if (shadow.find(at.path()).isPresent()) shadow.remove(at.path());
    }

    /** After a mount folder was moved: move its shadowed files along within the mount, else drop them. */
    public static void followMove(Location from, Location to) {
        if (!hasShadow(from) || from.path().isRoot()) return;
        Storage shadow = from.mount().shadow();
        if (shadow.find(from.path()).isEmpty()) return;
        if (to.mount() == from.mount() && to.storage() == to.mount().storage()) {
            Location shadowTarget = new Location(to.mount(), shadow, to.path());
            ensureParents(shadowTarget);
            if (shadow.find(to.path()).isPresent()) shadow.remove(to.path());
            shadow.move(from.path(), to.path());
        } else {
            shadow.remove(from.path());
        }
    }

    /** True for a location in a mount's storage when that mount shadows its system files. */
    private static boolean hasShadow(Location at) {
        return !at.mount().storesSystemFiles() && at.storage() == at.mount().storage();
    }

    private static boolean isShadow(Location at) {
        return !at.mount().storesSystemFiles() && at.storage() == at.mount().shadow();
    }
}
