package org.alidav.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alidav.dav.download.DownloadPolicy;

/**
 * One entry of {@code storages:}: where it is mounted, which driver serves it, the keys every
 * storage understands, and the rest of the entry as the driver's own options (checked by the
 * driver through {@link org.alidav.drive.DriverOptions}).
 *
 * @param mount            normalised absolute mount path: "/" or "/a/b", no trailing slash
 * @param storeSystemFiles whether OS junk (.DS_Store, Thumbs.db, ._*) is stored instead of refused
 * @param cacheTtl         how long a directory listing is reused
 * @param webdavPolicy     how GET is answered (one of {@link DownloadPolicy#STORAGE_POLICIES}); empty means the driver's default
 * @param downProxyUrl     base URL downloads are redirected to; present exactly when webdavPolicy is use_proxy_url
 * @param driverOptions    the remaining keys of the entry, in file order (values may be null)
 * @param cacheStaleGrace  how long past its TTL a listing is still served while one background fetch refreshes it
 * @param cacheRules       per-folder TTLs: the first rule whose glob matches a folder's path inside the storage wins
 */
public record StorageConfig(String mount, String driver, boolean storeSystemFiles, Duration cacheTtl,
                            Optional<DownloadPolicy> webdavPolicy, Optional<String> downProxyUrl,
                            Map<String, Object> driverOptions, Duration cacheStaleGrace, List<CacheRule> cacheRules) {

    /** One entry of {@code cache_rules}: folders matching {@code path} (a glob) keep their listing for {@code ttl}. */
    public record CacheRule(String path, Duration ttl) {
    }

    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CACHE_STALE_GRACE = Duration.ofMinutes(5);

    public StorageConfig {
        driverOptions = Collections.unmodifiableMap(new LinkedHashMap<>(driverOptions));
        cacheRules = List.copyOf(cacheRules);
    }

    /** A storage with the default stale grace and no per-folder cache rules. */
    public StorageConfig(String mount, String driver, boolean storeSystemFiles, Duration cacheTtl,
                         Optional<DownloadPolicy> webdavPolicy, Optional<String> downProxyUrl, Map<String, Object> driverOptions) {
        this(mount, driver, storeSystemFiles, cacheTtl, webdavPolicy, downProxyUrl, driverOptions, DEFAULT_CACHE_STALE_GRACE, List.of());
    }

    /**
     * The storage's own directory under {@code dataDir} (its rotated token lives there):
     * {@code <data_dir>/storages/<mount as a file name>}, where "/" is "root" and "/a/b" is "a%2Fb".
     */
    public Path stateDir(Path dataDir) {
        String name = mount.equals("/") ? "root" : URLEncoder.encode(mount.substring(1), StandardCharsets.UTF_8);
        return dataDir.resolve("storages").resolve(name);
    }

    /** The key path of the storage at {@code index}, as error messages write it. */
    static String path(int index) {
        return "storages[" + index + "]";
    }
}
