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
import org.alidav.dav.download.PolicyResolver;
import org.alidav.dav.download.PolicyResolver.Policy;
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
            String name = sc.webdavPolicy().orElse(links ? StorageConfig.POLICY_302_REDIRECT : StorageConfig.POLICY_NATIVE_PROXY);
            if (!links && !name.equals(StorageConfig.POLICY_NATIVE_PROXY)) {
                throw ConfigException.forStorageOption(config, configured.index(), "webdav_policy",
                        "the " + sc.driver() + " driver has no download links of its own: only native_proxy is possible");
            }
            Policy p = policy(name);
            proxyUrls |= p == Policy.PROXY_URL;
            byStorage.put(s, new PolicyResolver.StoragePolicy(p, sc.downProxyUrl()));
            log.info("storage {}: downloads by {}", sc.mount(), name);
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
            rules.add(new PolicyResolver.Rule(r.pattern(), address, policy(r.policy())));
        }
        return new PolicyResolver(byStorage, rules, signer, d.signPath(), d.maxRanges());
    }

    private static Policy policy(String name) {
        return switch (name) {
            case StorageConfig.POLICY_302_REDIRECT -> Policy.REDIRECT;
            case StorageConfig.POLICY_USE_PROXY_URL -> Policy.PROXY_URL;
            case DownloadSettings.POLICY_STORAGE -> Policy.STORAGE;
            default -> Policy.PROXY;
        };
    }
}
