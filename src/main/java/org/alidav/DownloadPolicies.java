package org.alidav;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.alidav.config.AppConfig;
import org.alidav.config.ConfigException;
import org.alidav.config.DownloadSettings;
import org.alidav.config.StorageConfig;
import org.alidav.dav.download.Download;
import org.alidav.dav.download.DownloadPolicy;
import org.alidav.dav.download.PolicyResolver;
import org.alidav.dav.sign.LinkSigner;
import org.alidav.dav.sign.SigningKeyFile;
import org.alidav.drive.Features.Capability;
import org.alidav.drive.cache.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The download policy of a config: each storage's {@code webdav_policy} (default 302 for drivers
 * with cloud links, native proxy otherwise — the only choice for local folders), the client rules of
 * {@code downloads:}, and the signing key of proxy URLs.
 */
final class DownloadPolicies {
    private static final Logger log = LoggerFactory.getLogger(DownloadPolicies.class);
    static final String KEY_FILE = "link-signing.key";

    private DownloadPolicies() {
    }

    static Download build(AppConfig config, List<ConfiguredStorage> storages, Clock clock) {
        DownloadSettings d = config.downloads();
        Map<Storage, PolicyResolver.StoragePolicy> byStorage = new IdentityHashMap<>();
        boolean proxyUrls = false;
        for (ConfiguredStorage configured : storages) {
            StorageConfig sc = configured.config();
            Storage s = configured.storage();
            boolean links = s.features().has(Capability.LINKS);
            DownloadPolicy p = sc.webdavPolicy().orElse(links ? DownloadPolicy.REDIRECT : DownloadPolicy.PROXY);
            if (!links && p != DownloadPolicy.PROXY) {
                throw ConfigException.forStorageOption(config, configured.index(), "webdav_policy",
                        "the " + sc.driver() + " driver has no download links of its own: only " + DownloadPolicy.PROXY.spelling() + " is possible");
            }
            proxyUrls |= p == DownloadPolicy.PROXY_URL;
            byStorage.put(s, new PolicyResolver.StoragePolicy(p, sc.downProxyUrl()));
            log.info("storage {}: downloads by {}", sc.mount(), p.spelling());
        }
        LinkSigner signer = null;
        if (proxyUrls) {
            for (StorageConfig sc : config.storages()) {
                if (sc.mount().equals(d.signPath()) || sc.mount().startsWith(d.signPath() + "/")) {
                    throw ConfigException.at(config.source(), "downloads.sign_path",
                            "signed links at " + d.signPath() + " would hide the storage mounted at " + sc.mount() + "; choose another sign_path");
                }
            }
            Path keyFile = config.server().dataDir().resolve(KEY_FILE);
            signer = new LinkSigner(SigningKeyFile.load(d.signSecret().orElse(null), keyFile), d.signExpiry(), clock);
            if (d.signExpiry().isZero()) log.warn("downloads.sign_expiry is 0: signed proxy links never expire");
            log.info("signed download links served at {}/...", d.signPath());
        }
        List<PolicyResolver.Rule> rules = new ArrayList<>();
        for (DownloadSettings.ClientRule r : d.clientRules()) {
            Optional<Predicate<java.net.InetAddress>> address = r.address().map(a -> a::contains);
            rules.add(new PolicyResolver.Rule(r.pattern(), address, r.policy()));
        }
        return new PolicyResolver(byStorage, rules, signer, d.signPath(), d.maxRanges());
    }
}
