package org.alidav.dav.http;

import io.milton.http.HttpManager;
import io.milton.http.exceptions.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.alidav.dav.mount.MountScope;
import org.alidav.dav.mount.MountTable;
import org.alidav.dav.mount.NameCharacters;
import org.alidav.dav.mount.RequestPath;

/**
 * What a COPY or MOVE {@code Destination} may name, checked before Milton acts on it (Milton ignores
 * the authority, and resolves a mount point's parent, so a copy onto {@code /local} used to write
 * a cloud file named {@code local} that the mount then hid):
 * <ul>
 * <li>another scheme, host or port is 502, as RFC 4918 §9.8.4 and Apache answer: this server does
 *     not copy to other servers. Ours is what Jetty reports for the request ({@code Host}, or the
 *     forwarded headers of a trusted proxy when those are configured), never a header read here.</li>
 * <li>a mount point, or a virtual folder between mounts, is 403: they are not files of any storage,
 *     and nothing can be written in their place.</li>
 * <li>a path in a mount the user may not see ({@link MountScope}) is 404, as any access to it.</li>
 * <li>a new name with control characters is 400 ({@link NameCharacters}), before an existing
 *     destination is deleted for an overwrite.</li>
 * </ul>
 */
final class DestinationCheck {
    private final MountTable mounts;

    DestinationCheck(MountTable mounts) {
        this.mounts = mounts;
    }

    void check(HttpServletRequest request, URI destination) throws RequestRejected {
        if (destination.getScheme() != null && !sameAuthority(request, destination)) {
            throw new RequestRejected(502, "Destination is on another server; copies between servers are not supported");
        }
        List<String> names;
        try {
            names = RequestPath.names(HttpManager.decodeUrl(destination.getRawPath()));
        } catch (BadRequestException e) {
            throw new RequestRejected(400, "Destination: " + e.getReason());
        }
        // a mount this user may not see is not there, so 404 like any access to it (not the 403 of a mount point)
        if (MountScope.of(request).hides(mounts, names)) throw new RequestRejected(404, "Destination not found");
        MountTable.Target target = mounts.resolve(names).orElse(null);
        boolean mountPoint = target instanceof MountTable.InMount in && in.location().path().isRoot();
        if (mountPoint || target instanceof MountTable.Virtual) {
            throw new RequestRejected(403, "Destination is a mount point or a folder between mounts; nothing can be written there");
        }
        String name = names.isEmpty() ? "" : names.get(names.size() - 1);
        if (!NameCharacters.allShowable(name)) throw new RequestRejected(400, NameCharacters.refusal(name));
    }

    private static boolean sameAuthority(HttpServletRequest request, URI destination) {
        String scheme = destination.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))) return false;
        if (destination.getHost() == null || !bare(destination.getHost()).equalsIgnoreCase(bare(request.getServerName()))) return false;
        int port = destination.getPort() >= 0 ? destination.getPort() : defaultPort(scheme);
        return port == request.getServerPort();
    }

    /** An IPv6 literal without its brackets, as URIs and servlet containers differ on them. */
    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }
}
