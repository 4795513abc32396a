package org.alidav.dav.download;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.alidav.dav.resource.FileResource;
import org.alidav.dav.sign.LinkSigner;
import org.alidav.dav.sign.SignedRoute;
import org.alidav.drive.cache.Storage;
import org.alidav.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The download policy of each request: the first client rule whose User-Agent pattern (and address
 * range, if any) matches names it, else the storage's {@code webdav_policy}. A policy the storage
 * cannot serve — 302 without cloud links (local folders), a proxy URL without {@code down_proxy_url}
 * — falls back to streaming through this server, which every storage can do.
 */
public final class PolicyResolver implements Download {
    private static final Logger log = LoggerFactory.getLogger(PolicyResolver.class);

    /** A storage's own policy, and its proxy URL base for {@link DownloadPolicy#PROXY_URL}. */
    public record StoragePolicy(DownloadPolicy policy, Optional<String> downProxyUrl) {
        public StoragePolicy {
            if (!DownloadPolicy.STORAGE_POLICIES.contains(policy)) throw new IllegalArgumentException("not a storage's own policy: " + policy);
        }
    }

    /** One client rule; {@code address} accepts every client when absent. */
    public record Rule(Pattern userAgent, Optional<Predicate<InetAddress>> address, DownloadPolicy policy) {
        boolean matches(String ua, Supplier<InetAddress> client) {
            if (!userAgent.matcher(ua).find()) return false;
            if (address.isEmpty()) return true;
            InetAddress a = client.get();
            return a != null && address.get().test(a);
        }
    }

    private final Map<Storage, StoragePolicy> storages = new IdentityHashMap<>();
    private final Map<Storage, ProxyUrlDownload> proxyUrls = new IdentityHashMap<>();
    private final List<Rule> rules;
    private final Download proxy;
    private final Download redirect;
    private final Optional<SignedRoute> signedRoute;

    /**
     * @param signer   signs proxy URLs; required when a storage uses {@link DownloadPolicy#PROXY_URL}
     * @param signPath where the signed route is served; it is served only when a storage uses proxy URLs
     * @param maxRanges most ranges a streamed download answers as one multipart 206
     */
    public PolicyResolver(Map<Storage, StoragePolicy> storages, List<Rule> rules, LinkSigner signer, String signPath, int maxRanges) {
        this.storages.putAll(storages);
        this.rules = List.copyOf(rules);
        this.proxy = new StreamDownload(maxRanges);
        this.redirect = new RedirectDownload(proxy);
        storages.forEach((s, p) -> {
            if (p.policy() == DownloadPolicy.PROXY_URL) {
                if (signer == null || p.downProxyUrl().isEmpty()) throw new IllegalArgumentException("use_proxy_url needs a signer and a URL");
                proxyUrls.put(s, new ProxyUrlDownload(p.downProxyUrl().get(), signer, proxy));
            }
        });
        this.signedRoute = proxyUrls.isEmpty() ? Optional.empty() : Optional.of(new SignedRoute(signPath, signer, this::respondSigned));
    }

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, FileResource file) throws IOException {
        policyFor(choose(request, file), file).respond(request, response, file);
    }

    @Override
    public Optional<SignedRoute> signedRoute() {
        return signedRoute;
    }

    /**
     * A request with a good signature: the storage's own way to the bytes, never the proxy URL again
     * (that is where the request came from), so proxy URL storages redirect to the cloud.
     */
    void respondSigned(HttpServletRequest request, HttpServletResponse response, FileResource file) throws IOException {
        DownloadPolicy p = choose(request, file);
        if (p == DownloadPolicy.PROXY_URL) p = DownloadPolicy.REDIRECT;
        policyFor(p, file).respond(request, response, file);
    }

    /** The policy for this client and file, before the storage's abilities are taken into account. */
    DownloadPolicy choose(HttpServletRequest request, FileResource file) {
        String ua = Optional.ofNullable(request.getHeader("User-Agent")).orElse("");
        // parsed only for a rule with an address range whose User-Agent matched: most requests need no address
        Supplier<InetAddress> client = () -> address(request.getRemoteAddr());
        for (Rule r : rules) {
            if (r.matches(ua, client)) {
                if (r.policy() != DownloadPolicy.STORAGE) return r.policy();
                break;
            }
        }
        StoragePolicy sp = storages.get(file.location().storage());
        return sp == null ? DownloadPolicy.PROXY : sp.policy();
    }

    private Download policyFor(DownloadPolicy p, FileResource file) {
        return switch (p) {
            case REDIRECT -> redirect;
            case PROXY_URL -> {
                ProxyUrlDownload d = proxyUrls.get(file.location().storage());
                yield d != null ? d : proxy;
            }
            // no default: a new policy must say here how it answers
            case PROXY, STORAGE -> proxy;
        };
    }

    private static InetAddress address(String literal) {
        if (literal == null || literal.isEmpty()) return null;
        try {
            // a literal from the connection (or the Forwarded header): no name lookup happens
            return InetAddress.getByName(literal.startsWith("[") ? literal.substring(1, literal.length() - 1) : literal);
        } catch (UnknownHostException e) {
            log.debug("client address {} not understood", LogText.escape(literal));
            return null;
        }
    }
}
