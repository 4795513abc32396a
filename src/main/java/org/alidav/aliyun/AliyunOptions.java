package org.alidav.aliyun;

import java.time.Duration;
import java.util.List;
import org.alidav.drive.DriverOptions.OptionException;
import org.alidav.drive.DriverOptions;
import org.alidav.drive.remote.Backoff;
import org.alidav.drive.remote.DownloadGate;
import org.alidav.option.Option;
import org.alidav.option.OptionSet;
import org.alidav.option.ValueParser;

/**
 * The options of an {@code aliyundrive-open} storage (names as OpenList's, docs/open-api.md, "Options", plus tuning):
 * declared once in {@link #OPTIONS}, read into this record by {@link #read}, which adds the checks that join two options.
 */
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

    private static final ValueParser<Long> POSITIVE = ValueParser.wholeNumber(1, Long.MAX_VALUE);

    // the account and its token
    static final Option<String> REFRESH_TOKEN = Option.of("refresh_token", ValueParser.STRING, "",
            "refresh token of the Open API; without one the storage waits for `alidav login` or the /-/login page");
    static final Option<String> ACCOUNT = Option.of("account", ValueParser.STRING, "",
            "names the account, so that storages of one app and account share one token chain");
    static final Option<String> ROOT_FOLDER_ID = Option.of("root_folder_id", ValueParser.STRING, "root", "folder served as the mount's root: root or a file_id");
    static final Option<String> DRIVE_TYPE = choice("drive_type", "resource", "which drive of the account", "default", "resource", "backup");
    static final Option<String> ORDER_BY = choice("order_by", "", "listing order; empty: the service's own",
            "name", "size", "updated_at", "created_at", "name_enhanced");
    static final Option<String> ORDER_DIRECTION = choice("order_direction", "", "listing direction; empty: the service's own", "ASC", "DESC");
    // how the token is renewed
    static final Option<String> CLIENT_ID = Option.of("client_id", ValueParser.STRING, "", "your own Open Platform app (with client_secret)");
    static final Option<String> CLIENT_SECRET = Option.of("client_secret", ValueParser.STRING, "", "the secret of client_id's app");
    static final Option<Boolean> USE_ONLINE_API = Option.of("use_online_api", ValueParser.BOOLEAN, true,
            "renew tokens through api_url_address (needed without client_id/client_secret)");
    static final Option<String> API_URL_ADDRESS = Option.of("api_url_address", ValueParser.STRING, "https://api.oplist.org/alicloud/renewapi",
            "the online token renew server");
    static final Option<String> ALIPAN_TYPE = choice("alipan_type", "default",
            "the app the online API renews the token with: default (QR login) or alipanTV (TV app)", "default", "alipanTV");
    static final Option<Duration> REFRESH_TIMEOUT = Option.of("refresh_timeout", ValueParser.DURATION, Duration.ofSeconds(30),
            "a token refresh taking longer counts as failed");
    static final Option<Duration> REFRESH_BACKOFF = Option.of("refresh_backoff", ValueParser.DURATION, Duration.ofSeconds(1),
            "after a failed refresh, calls answer 503 this long, doubling with each failure in a row");
    static final Option<Duration> REFRESH_BACKOFF_MAX = Option.of("refresh_backoff_max", ValueParser.DURATION, Duration.ofSeconds(30),
            "the longest refresh_backoff grows to");
    static final Option<Duration> TOKEN_REFRESH_MARGIN = Option.of("token_refresh_margin", ValueParser.DURATION, Duration.ofMinutes(5),
            "an access token is renewed this long before it expires");
    static final Option<String> API_BASE_URL = Option.of("api_base_url", ValueParser.STRING, "https://openapi.alipan.com", "base URL of the Open API");
    static final Option<String> USER_AGENT = Option.of("user_agent", ValueParser.STRING, DEFAULT_UA,
            "User-Agent of every call to the service and of proxied downloads");
    // writes
    static final Option<String> REMOVE_WAY = choice("remove_way", "trash", "delete by moving to the trash, or for good", "trash", "delete");
    static final Option<Boolean> REPAIR_DUPLICATES = Option.of("repair_duplicates", ValueParser.BOOLEAN, false,
            "move older items of a duplicated name to the recycle bin on each maintenance pass");
    static final Option<Boolean> RAPID_UPLOAD = Option.of("rapid_upload", ValueParser.BOOLEAN, false, "try uploading by content hash first");
    static final Option<Long> PART_SIZE = Option.of("part_size", POSITIVE, PartSizer.DEFAULT_PART,
                    "bytes per upload part; larger files get larger parts so that none needs more than 10,000")
            .check(n -> n >= 100 * 1024, "must be at least 102400 (the service's smallest part)")
            .check(n -> n <= PartSizer.MAX_PART, "must be at most " + PartSizer.MAX_PART + " (5 GiB, the service's largest part)");
    static final Option<Boolean> INTERNAL_UPLOAD = Option.of("internal_upload", ValueParser.BOOLEAN, false,
            "upload through Aliyun's internal network (only from Aliyun ECS in the same region)");
    static final Option<Duration> COPY_TIMEOUT = Option.of("copy_timeout", ValueParser.DURATION, Duration.ofMinutes(10),
            "longest wait for the service to finish a server-side folder copy");
    // downloads
    static final Option<String> LIVP_DOWNLOAD_FORMAT = choice("livp_download_format", "jpeg", "live photos (.livp) are downloaded as", "jpeg", "mov");
    static final Option<Duration> LINK_MARGIN = Option.of("link_margin", ValueParser.DURATION, Duration.ofSeconds(60),
            "cloud links are reused until this long before they expire");
    static final Option<Long> LINK_EXPIRE_SEC = Option.of("link_expire_sec", POSITIVE, 14400L, "lifetime in seconds asked for a new download link");
    static final Option<Long> DOWNLOAD_CONNECTIONS = Option.of("download_connections", POSITIVE, (long) DEFAULT_DOWNLOADS.connections(),
                    "proxied downloads: concurrent connections to the object storage for this Aliyun user, 1 to 3")
            .check(n -> n <= 3, "must be 1 to 3 (the object storage allows 3 downloads per user)");
    static final Option<Duration> DOWNLOAD_QUEUE_TIMEOUT = Option.of("download_queue_timeout", ValueParser.DURATION, DEFAULT_DOWNLOADS.queueTimeout(),
            "a download waiting this long for a connection is answered 503");
    static final Option<Duration> DOWNLOAD_REUSE_IDLE = Option.of("download_reuse_idle", ValueParser.DURATION, DEFAULT_DOWNLOADS.reuseIdle(),
            "a finished upstream stream is kept this long for the next nearby Range request; 0s = off");
    static final Option<Long> DOWNLOAD_REUSE_WINDOW = Option.of("download_reuse_window", ValueParser.wholeNumber(0, 64L << 20),
            DEFAULT_DOWNLOADS.reuseWindow(), "bytes a request may start beyond where a kept stream stopped (the gap is read and dropped)");
    // pacing of API calls
    static final Option<Double> LIST_RATE = Option.of("list_rate", ValueParser.REQUESTS_PER_SECOND, Governor.Rates.DEFAULT.list(),
            "openFile/list requests per second, shared by the storages of one Aliyun user");
    static final Option<Double> LINK_RATE = Option.of("link_rate", ValueParser.REQUESTS_PER_SECOND, Governor.Rates.DEFAULT.link(),
            "getDownloadUrl requests per second, shared likewise");
    static final Option<Double> OTHER_RATE = Option.of("other_rate", ValueParser.REQUESTS_PER_SECOND, Governor.Rates.DEFAULT.other(),
            "every other request per second, shared likewise");
    static final Option<Long> MAX_ATTEMPTS = Option.of("max_attempts", POSITIVE, 5L, "at most this many sends of one request");
    static final Option<Duration> RETRY_BACKOFF = Option.of("retry_backoff", ValueParser.DURATION, Duration.ofMillis(500),
            "first backoff after a 5xx or a dropped connection (doubles, with jitter)");
    static final Option<Duration> MAX_WAIT = Option.of("max_wait", ValueParser.DURATION, Duration.ofSeconds(30),
            "longest a request waits for its turn; beyond it the client gets 503 with Retry-After");

    static final OptionSet OPTIONS = OptionSet.of("storages[] with driver: aliyundrive-open", REFRESH_TOKEN, ACCOUNT, ROOT_FOLDER_ID,
            DRIVE_TYPE, ORDER_BY, ORDER_DIRECTION, CLIENT_ID, CLIENT_SECRET, USE_ONLINE_API, API_URL_ADDRESS, ALIPAN_TYPE, REFRESH_TIMEOUT,
            REFRESH_BACKOFF, REFRESH_BACKOFF_MAX, TOKEN_REFRESH_MARGIN, API_BASE_URL, USER_AGENT, REMOVE_WAY, REPAIR_DUPLICATES, RAPID_UPLOAD,
            PART_SIZE, INTERNAL_UPLOAD, COPY_TIMEOUT, LIVP_DOWNLOAD_FORMAT, LINK_MARGIN, LINK_EXPIRE_SEC, DOWNLOAD_CONNECTIONS,
            DOWNLOAD_QUEUE_TIMEOUT, DOWNLOAD_REUSE_IDLE, DOWNLOAD_REUSE_WINDOW, LIST_RATE, LINK_RATE, OTHER_RATE, MAX_ATTEMPTS, RETRY_BACKOFF, MAX_WAIT);

    /** {@code api_base_url} without trailing slashes (also read by {@link OpenPlatformApp}). */
    static String apiBaseUrl(DriverOptions o) {
        return o.get(API_BASE_URL).replaceAll("/+$", "");
    }

    static AliyunOptions read(DriverOptions o) {
        AliyunOptions a = new AliyunOptions(
                o.get(REFRESH_TOKEN).trim(),
                o.get(ROOT_FOLDER_ID),
                o.get(DRIVE_TYPE),
                o.get(ORDER_BY),
                o.get(ORDER_DIRECTION),
                o.get(CLIENT_ID),
                o.get(CLIENT_SECRET),
                o.get(USE_ONLINE_API),
                o.get(API_URL_ADDRESS),
                o.get(REMOVE_WAY),
                o.get(RAPID_UPLOAD),
                o.get(INTERNAL_UPLOAD),
                o.get(LIVP_DOWNLOAD_FORMAT),
                apiBaseUrl(o),
                o.get(USER_AGENT),
                new Governor.Rates(o.get(LIST_RATE), o.get(LINK_RATE), o.get(OTHER_RATE)),
                o.get(MAX_ATTEMPTS).intValue(),
                o.get(RETRY_BACKOFF),
                o.get(MAX_WAIT),
                o.get(PART_SIZE),
                o.get(TOKEN_REFRESH_MARGIN),
                o.get(LINK_MARGIN),
                o.get(LINK_EXPIRE_SEC),
                o.get(COPY_TIMEOUT),
                new DownloadGate.Settings(o.get(DOWNLOAD_CONNECTIONS).intValue(), o.get(DOWNLOAD_QUEUE_TIMEOUT), o.get(DOWNLOAD_REUSE_IDLE),
                        o.get(DOWNLOAD_REUSE_WINDOW)),
                o.get(REPAIR_DUPLICATES),
                o.get(ACCOUNT).trim(),
                o.get(ALIPAN_TYPE),
                o.get(REFRESH_TIMEOUT),
                new Backoff(o.get(REFRESH_BACKOFF), o.get(REFRESH_BACKOFF_MAX)));
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

    /** One of {@code allowed}; empty text, as OpenList writes an unset choice, is the default. */
    private static Option<String> choice(String name, String fallback, String help, String... allowed) {
        return Option.of(name, ValueParser.oneOfOrEmpty(fallback, List.of(allowed)), fallback, help);
    }
}
