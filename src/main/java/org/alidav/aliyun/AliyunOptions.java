package org.alidav.aliyun;

import java.time.Duration;
import org.alidav.drive.DriverOptions.OptionException;
import org.alidav.drive.DriverOptions;
import org.alidav.drive.remote.Backoff;
import org.alidav.drive.remote.DownloadGate;

/** The options of an {@code aliyundrive-open} storage (names as OpenList's, docs/open-api.md, "Options", plus tuning). */
record AliyunOptions(String refreshToken, String rootFolderId, String driveType, String orderBy, String orderDirection,
                     String clientId, String clientSecret, boolean useOnlineApi, String apiUrlAddress, String removeWay,
                     boolean rapidUpload, boolean internalUpload, String livpDownloadFormat, String apiBaseUrl,
                     String userAgent, Governor.Rates rates, int maxAttempts, Duration retryBackoff, Duration maxWait, long partSize,
                     Duration tokenMargin, Duration linkMargin, long linkExpireSec, Duration copyTimeout,
                     DownloadGate.Settings downloads, boolean repairDuplicates, String account, String alipanType,
                     Duration refreshTimeout, Backoff refreshBackoff) {

    /**
     * The download gate unless configured: 2 connections, what the object storage allows per user and
     * app (docs/open-api.md, "Download links"); a finished stream kept 10 s for a nearby range up to 2 MiB ahead.
     */
    static final DownloadGate.Settings DEFAULT_DOWNLOADS = new DownloadGate.Settings(2, Duration.ofMinutes(5), Duration.ofSeconds(10), 2L << 20);

    static final String DEFAULT_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36 AliDAV/0.1";

    static final String DEFAULT_API_BASE_URL = "https://openapi.alipan.com";

    /** {@code api_base_url} without trailing slashes (also read by {@link OpenPlatformApp}). */
    static String apiBaseUrl(DriverOptions o) {
        return o.string("api_base_url", DEFAULT_API_BASE_URL).replaceAll("/+$", "");
    }

    static String userAgent(DriverOptions o) {
        return o.string("user_agent", DEFAULT_UA);
    }

    static AliyunOptions read(DriverOptions o) {
        AliyunOptions a = new AliyunOptions(
                o.string("refresh_token", "").trim(),
                o.string("root_folder_id", "root"),
                o.choice("drive_type", "resource", "default", "resource", "backup"),
                o.choice("order_by", "", "name", "size", "updated_at", "created_at", "name_enhanced"),
                o.choice("order_direction", "", "ASC", "DESC"),
                o.string("client_id", ""),
                o.string("client_secret", ""),
                o.bool("use_online_api", true),
                o.string("api_url_address", "https://api.oplist.org/alicloud/renewapi"),
                o.choice("remove_way", "trash", "trash", "delete"),
                o.bool("rapid_upload", false),
                o.bool("internal_upload", false),
                o.choice("livp_download_format", "jpeg", "jpeg", "mov"),
                apiBaseUrl(o),
                userAgent(o),
                new Governor.Rates(rate(o, "list_rate", Governor.Rates.DEFAULT.list()), rate(o, "link_rate", Governor.Rates.DEFAULT.link()),
                        rate(o, "other_rate", Governor.Rates.DEFAULT.other())),
                (int) positive(o, "max_attempts", 5),
                o.duration("retry_backoff", Duration.ofMillis(500)),
                o.duration("max_wait", Duration.ofSeconds(30)),
                positive(o, "part_size", PartSizer.DEFAULT_PART),
                o.duration("token_refresh_margin", Duration.ofMinutes(5)),
                o.duration("link_margin", Duration.ofSeconds(60)),
                positive(o, "link_expire_sec", 14400),
                o.duration("copy_timeout", Duration.ofMinutes(10)),
                new DownloadGate.Settings((int) positive(o, "download_connections", DEFAULT_DOWNLOADS.connections()),
                        o.duration("download_queue_timeout", DEFAULT_DOWNLOADS.queueTimeout()),
                        o.duration("download_reuse_idle", DEFAULT_DOWNLOADS.reuseIdle()),
                        DEFAULT_DOWNLOADS.reuseWindow()),
                o.bool("repair_duplicates", false),
                o.string("account", "").trim(),
                o.choice("alipan_type", "default", "default", "alipanTV"),
                o.duration("refresh_timeout", Duration.ofSeconds(30)),
                new Backoff(o.duration("refresh_backoff", Duration.ofSeconds(1)), o.duration("refresh_backoff_max", Duration.ofSeconds(30))));
        if (a.downloads.connections() > 3) {
            throw new OptionException("download_connections", "must be 1 to 3 (the object storage allows 3 downloads per user)");
        }
        if (a.partSize < 100 * 1024) throw new OptionException("part_size", "must be at least 102400 (the service's smallest part)");
        if (a.partSize > PartSizer.MAX_PART) {
            throw new OptionException("part_size", "must be at most " + PartSizer.MAX_PART + " (5 GiB, the service's largest part)");
        }
        if (a.clientId.isBlank() != a.clientSecret.isBlank()) {
            throw new OptionException(a.clientId.isBlank() ? "client_id" : "client_secret", "client_id and client_secret go together");
        }
        if (!a.usesOwnApp() && (!a.useOnlineApi || a.apiUrlAddress.isBlank())) {
            throw new OptionException("client_id", "set client_id and client_secret, or use_online_api with api_url_address");
        }
        if (a.usesOwnApp() && a.alipanType.equals("alipanTV")) {
            throw new OptionException("alipan_type", "alipanTV tokens belong to the TV app and are renewed only by the online API: "
                    + "remove client_id/client_secret or set alipan_type: default");
        }
        if (a.refreshTimeout.isZero() || a.refreshBackoff.base().isZero() || a.refreshBackoff.max().compareTo(a.refreshBackoff.base()) < 0) {
            throw new OptionException("refresh_backoff_max", "refresh_timeout and refresh_backoff must be positive, refresh_backoff_max at least refresh_backoff");
        }
        return a;
    }

    /** The renew server's name for the kind of token ({@code driver_txt}, docs/open-api.md, Tokens). */
    String driverTxt() {
        return alipanType.equals("alipanTV") ? "alicloud_tv" : "alicloud_qr";
    }

    boolean usesOwnApp() {
        return !clientId.isBlank() && !clientSecret.isBlank();
    }

    private static double rate(DriverOptions o, String key, double fallback) {
        String v = o.string(key, null);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v.trim());
            if (d > 0) return d;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new OptionException(key, "must be a positive number of requests per second, not '" + v + "'");
    }

    private static long positive(DriverOptions o, String key, long fallback) {
        long v = o.number(key, fallback);
        if (v <= 0) throw new OptionException(key, "must be positive");
        return v;
    }
}
