package org.alidav.dav.mount;

import io.milton.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The mounts one user may see ({@code users[].mounts}): all of them, or only those listed. A mount
 * outside the scope does not exist for that user: it is left out of virtual folders, and its paths
 * resolve to nothing (404), as a COPY/MOVE Destination too ({@code dav.http.DestinationCheck}). A path inside a hidden mount never falls through
 * to a visible mount above it, so {@code /ali} hidden under a visible {@code /} is 404, not the
 * root storage's own {@code ali} folder.
 */
public final class MountScope {
    /** Every mount: users without {@code mounts}, setups without users, signed download links. */
    public static final MountScope ALL = new MountScope(null);
    /** The request attribute that carries the scope of the logged-in user. */
    public static final String ATTRIBUTE = MountScope.class.getName();

    private final Set<List<String>> visible;

    private MountScope(Set<List<String>> visible) {
        this.visible = visible;
    }

    /** Only the mounts at these paths ({@code /ali}, {@code /media}). */
    public static MountScope only(Collection<String> mountPaths) {
        return new MountScope(mountPaths.stream().map(MountTable::names).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * The scope of the request being handled on this thread (inside Milton); outside a WebDAV request
     * (a signed download link, which carries its own permission) it is {@link #ALL}.
     */
    public static MountScope current() {
        return of(ServletRequest.getRequest());
    }

    /** The scope the login put on {@code request}; {@link #ALL} when there is none (or no request). */
    public static MountScope of(HttpServletRequest request) {
        Object scope = request == null ? null : request.getAttribute(ATTRIBUTE);
        return scope instanceof MountScope s ? s : ALL;
    }

    boolean sees(Mount mount) {
        return visible == null || visible.contains(mount.at());
    }

    /** Whether {@code names} is in a mount, or a folder of mounts, that exists but not for this scope. */
    public boolean hides(MountTable table, List<String> names) {
        return visible != null && table.resolve(names).isPresent() && resolve(table, names).isEmpty();
    }

    /** What {@code names} is for this scope: the table's answer, narrowed to the visible mounts. */
    public Optional<MountTable.Target> resolve(MountTable table, List<String> names) {
        Optional<MountTable.Target> target = table.resolve(names);
        if (visible == null) return target;
        if (target.isPresent() && target.get() instanceof MountTable.InMount in && sees(in.location().mount())) return target;
        TreeSet<String> children = new TreeSet<>();
        for (Mount m : table.mounts()) {
            boolean below = m.at().size() > names.size() && m.at().subList(0, names.size()).equals(names);
            if (below && sees(m)) children.add(m.at().get(names.size()));
        }
        return children.isEmpty() ? Optional.empty() : Optional.of(new MountTable.Virtual(List.copyOf(names), List.copyOf(children)));
    }
}
