package org.alidav.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.alidav.dav.download.DownloadPolicy;
import org.alidav.option.Option;
import org.alidav.option.OptionSet;
import org.alidav.option.ValueParser;
import org.alidav.server.guard.ClientLimits;

/**
 * Every key of the config file outside the drivers' own options, declared once: {@link ConfigLoader}
 * reads through these declarations, {@code alidav options} lists them, and a test checks that
 * config/alidav.example.yaml mentions each. Checks that join two keys stay in the loader.
 */
public final class ConfigKeys {
    private ConfigKeys() {
    }

    /** 1 GB/s: a minimum rate above it would refuse every client; 0 switches the minimum off. */
    private static final long MAX_MIN_RATE = 1_000_000_000L;
    private static final ValueParser<Long> RATE = ValueParser.wholeNumber(0, MAX_MIN_RATE);
    private static final ValueParser<Duration> POSITIVE_DURATION = ValueParser.named("duration > 0", raw -> {
        Duration d = ValueParser.DURATION.parse(raw);
        if (d.isZero() || d.isNegative()) throw new IllegalArgumentException("must be longer than zero, not '" + raw + "'");
        return d;
    });
    private static final ValueParser<AddressRange> ADDRESS = ValueParser.named("address or CIDR block",
            raw -> AddressRange.parse(ValueParser.STRING.parse(raw)));
    static final ValueParser<String> MOUNT_PATH = ValueParser.named("absolute path", MountPath::normalise);

    // server:
    static final Option<String> HOST = Option.of("host", ValueParser.NON_BLANK, "127.0.0.1",
            "address to listen on (ALIDAV_HOST, --host); beyond loopback it needs users or allow_anonymous");
    static final Option<Integer> PORT = Option.of("port", ValueParser.PORT, 8080, "TCP port (ALIDAV_PORT, --port); 0 picks a free one");
    static final Option<String> DATA_DIR = Option.of("data_dir", ValueParser.NON_BLANK, "./data",
            "the server's own state: tokens, locks, shadow files (ALIDAV_DATA_DIR, --data-dir)");
    static final Option<String> LOG_LEVEL = Option.of("log_level", ValueParser.oneOf(ServerSettings.LOG_LEVELS), "info", "how much the server logs (ALIDAV_LOG_LEVEL)");
    static final Option<List<AddressRange>> TRUSTED_PROXIES = Option.of("trusted_proxies", ValueParser.list(ADDRESS), List.of(),
            "reverse proxies whose Forwarded / X-Forwarded-* headers are believed");
    static final Option<String> SPOOL_DIR = Option.optional("spool_dir", ValueParser.NON_BLANK,
            "where upload bodies are buffered on disk; default <data_dir>/spool");
    static final Option<Duration> MAINTENANCE_INTERVAL = Option.of("maintenance_interval", POSITIVE_DURATION,
            ServerSettings.DEFAULT_MAINTENANCE_INTERVAL, "how often interrupted writes are finished and leftovers deleted");
    static final Option<Long> MIN_REQUEST_RATE = Option.of("min_request_rate", RATE, ClientLimits.DEFAULTS.minRequestRate(),
            "bytes per second below which a request body is answered 408; 0 = off");
    static final Option<Long> MIN_RESPONSE_RATE = Option.of("min_response_rate", RATE, ClientLimits.DEFAULTS.minResponseRate(),
            "bytes per second below which a client taking a response loses its connection; 0 = off");
    static final Option<Duration> MIN_RATE_GRACE = Option.of("min_rate_grace", ValueParser.DURATION, ClientLimits.DEFAULTS.rateGrace(),
                    "how far a client may fall behind those rates")
            .check(d -> !d.isZero() && !d.isNegative() && d.compareTo(Duration.ofMinutes(10)) <= 0, "must be more than 0 and at most 10m");
    static final Option<Long> MAX_CONNECTIONS_PER_ADDRESS = Option.of("max_connections_per_address", ValueParser.wholeNumber(0, Integer.MAX_VALUE),
            (long) ClientLimits.DEFAULTS.maxConnectionsPerAddress(), "open connections from one IP address; 0 = no cap");
    static final Option<Long> UPLOAD_THREADS = Option.of("upload_threads", ValueParser.wholeNumber(1, ClientLimits.maxUploadThreads()),
            (long) ClientLimits.DEFAULTS.uploadThreads(), "uploads served at once; more are answered 503");
    static final Option<String> TLS_CERT = Option.optional("tls_cert", ValueParser.NON_BLANK, "HTTPS: PEM certificate chain, with tls_key");
    static final Option<String> TLS_KEY = Option.optional("tls_key", ValueParser.NON_BLANK, "HTTPS: PEM private key of tls_cert");
    static final Option<Boolean> TLS_SELF_SIGNED = Option.of("tls_self_signed", ValueParser.BOOLEAN, false,
            "HTTPS with a certificate made once and kept in data_dir/tls");
    static final Option<Duration> TLS_RELOAD_INTERVAL = Option.of("tls_reload_interval", POSITIVE_DURATION, TlsSettings.DEFAULT_RELOAD_INTERVAL,
                    "how often the certificate files are looked at for a renewal")
            .check(d -> d.compareTo(Duration.ofMinutes(1)) <= 0, "must be at most 1m (a renewal is served within a minute)");
    static final OptionSet SERVER_KEYS = OptionSet.of("server", HOST, PORT, DATA_DIR, LOG_LEVEL, TRUSTED_PROXIES, SPOOL_DIR,
            MAINTENANCE_INTERVAL, MIN_REQUEST_RATE, MIN_RESPONSE_RATE, MIN_RATE_GRACE, MAX_CONNECTIONS_PER_ADDRESS, UPLOAD_THREADS,
            TLS_CERT, TLS_KEY, TLS_SELF_SIGNED, TLS_RELOAD_INTERVAL);

    // users[]
    static final Option<String> USER_NAME = Option.required("name", ValueParser.TEXT, "login name (HTTP Basic)")
            .check(name -> !name.contains(":"), "must not contain ':'"); // Basic authentication splits "name:password" at the first colon
    static final Option<String> PASSWORD = Option.required("password", ValueParser.TEXT,
            "made by `alidav hash-password`; plain text works, with a warning");
    static final Option<Boolean> USER_READ_ONLY = Option.of("read_only", ValueParser.BOOLEAN, false, "this user may read but not write");
    static final Option<Boolean> ADMIN = Option.of("admin", ValueParser.BOOLEAN, false, "this user may use /-/health, /-/metrics and /-/cache/drop");
    static final Option<List<String>> MOUNTS = Option.of("mounts", ValueParser.list(MOUNT_PATH), List.of(),
                    "only these storage mounts exist for this user; default every mount")
            .check(mounts -> !mounts.isEmpty(), "must name at least one mount, such as [/ali]; leave it out for every mount");
    static final OptionSet USER_KEYS = OptionSet.of("users[]", USER_NAME, PASSWORD, USER_READ_ONLY, ADMIN, MOUNTS);

    // storages[]: the keys every storage has; every other key of an entry is an option of its driver
    static final Option<String> MOUNT = Option.required("mount", MOUNT_PATH, "path the storage appears at; / is the root");
    static final Option<String> DRIVER = Option.required("driver", ValueParser.NON_BLANK, "local or aliyundrive-open");
    static final Option<Boolean> STORE_SYSTEM_FILES = Option.of("store_system_files", ValueParser.BOOLEAN, false,
            "store OS metadata files (.DS_Store, Thumbs.db, ._*) instead of keeping them in a local shadow store");
    static final Option<Duration> CACHE_TTL = Option.of("cache_ttl", ValueParser.DURATION, StorageConfig.DEFAULT_CACHE_TTL,
            "how long a directory listing is reused");
    static final Option<Duration> CACHE_STALE_GRACE = Option.of("cache_stale_grace", ValueParser.DURATION, StorageConfig.DEFAULT_CACHE_STALE_GRACE,
            "after cache_ttl, a listing is still served this long while one background fetch refreshes it");
    static final Option<Object> CACHE_RULES = list("cache_rules", "per-folder TTLs, first match wins");
    static final Option<DownloadPolicy> WEBDAV_POLICY = Option.optional("webdav_policy", downloadPolicy(DownloadPolicy.STORAGE_POLICIES),
            "how downloads are served; default 302_redirect for aliyundrive-open, native_proxy for local");
    static final Option<String> DOWN_PROXY_URL = Option.optional("down_proxy_url", ValueParser.HTTP_URL,
            "base URL of your download proxy; only with webdav_policy: use_proxy_url");
    static final OptionSet STORAGE_KEYS = OptionSet.of("storages[]", MOUNT, DRIVER, STORE_SYSTEM_FILES, CACHE_TTL,
            CACHE_STALE_GRACE, CACHE_RULES, WEBDAV_POLICY, DOWN_PROXY_URL);

    // storages[].cache_rules[]
    static final Option<String> RULE_PATH = Option.required("path", ValueParser.named("glob", raw -> glob(ValueParser.NON_BLANK.parse(raw).trim())),
            "a glob over folder paths inside the storage, e.g. /Movies/**");
    static final Option<Duration> RULE_TTL = Option.required("ttl", ValueParser.DURATION, "how long listings of those folders are reused");
    static final OptionSet CACHE_RULE_KEYS = OptionSet.of("storages[].cache_rules[]", RULE_PATH, RULE_TTL);

    // downloads:
    static final Option<String> SIGN_PATH = Option.of("sign_path", ValueParser.named("absolute path", raw -> signPath(raw)),
            DownloadSettings.DEFAULT_SIGN_PATH, "where this server answers signed download links itself");
    static final Option<String> SIGN_SECRET = Option.optional("sign_secret", ValueParser.TEXT,
                    "HMAC key of signed links, shared with your proxy; default: generated once into data_dir")
            .check(s -> s.getBytes(StandardCharsets.UTF_8).length >= 16, "must be at least 16 characters (leave it out to have one generated)");
    static final Option<Duration> SIGN_EXPIRY = Option.of("sign_expiry", ValueParser.DURATION, DownloadSettings.DEFAULT_SIGN_EXPIRY,
                    "how long a signed link is valid; 0 = forever")
            .check(d -> !d.isNegative(), "must not be negative (0 = links never expire)");
    static final Option<Object> CLIENT_RULES = list("client_rules", "the first rule matching a request picks its download policy");
    static final Option<Integer> MAX_RANGES = Option.of("max_ranges", ValueParser.POSITIVE_INT, DownloadSettings.DEFAULT_MAX_RANGES,
            "a Range header leaving more ranges is answered 200 with the whole file");
    static final OptionSet DOWNLOAD_KEYS = OptionSet.of("downloads", SIGN_PATH, SIGN_SECRET, SIGN_EXPIRY, CLIENT_RULES, MAX_RANGES);

    // downloads.client_rules[]
    static final Option<String> USER_AGENT = Option.of("user_agent", ValueParser.named("regular expression", raw -> regex(raw)), "",
            "searched in the User-Agent, case-insensitively; \"^$\" matches a request without one");
    static final Option<AddressRange> ADDRESS_RANGE = Option.optional("address", ADDRESS, "the client's address must also be in this block");
    static final Option<DownloadPolicy> POLICY = Option.required("policy", downloadPolicy(DownloadPolicy.RULE_POLICIES),
            "the download policy of matching requests; storage: the storage's own");
    static final OptionSet CLIENT_RULE_KEYS = OptionSet.of("downloads.client_rules[]", USER_AGENT, ADDRESS_RANGE, POLICY);

    // the top level
    static final Option<Object> SERVER = section("server", "where and how the server listens");
    static final Option<Boolean> ALLOW_ANONYMOUS = Option.of("allow_anonymous", ValueParser.BOOLEAN, false,
            "serve requests without credentials even with users or beyond loopback (ALIDAV_ALLOW_ANONYMOUS)");
    static final Option<Boolean> READ_ONLY = Option.of("read_only", ValueParser.BOOLEAN, false, "refuse every write, for every user (ALIDAV_READ_ONLY)");
    static final Option<Object> USERS = list("users", "who may log in; with none, only clients on this machine are served");
    static final Option<Object> STORAGES = list("storages", "what is served, and where");
    static final Option<Object> DOWNLOADS = section("downloads", "how downloads are answered, beyond each storage's webdav_policy");
    static final OptionSet TOP_KEYS = OptionSet.of("top level", SERVER, ALLOW_ANONYMOUS, READ_ONLY, USERS, STORAGES, DOWNLOADS);

    /** Every set above, in the order the option list shows them (the drivers' sets follow the storage keys). */
    public static final List<OptionSet> ALL = List.of(TOP_KEYS, SERVER_KEYS, USER_KEYS, STORAGE_KEYS, CACHE_RULE_KEYS, DOWNLOAD_KEYS,
            CLIENT_RULE_KEYS);

    private static Option<Object> section(String name, String help) {
        return Option.optional(name, ValueParser.named("mapping", raw -> raw), help);
    }

    private static Option<Object> list(String name, String help) {
        return Option.optional(name, ValueParser.named("list of mappings", raw -> raw), help);
    }

    /** One of {@code allowed}, by its config spelling (in any case, as every choice in the file). */
    private static ValueParser<DownloadPolicy> downloadPolicy(List<DownloadPolicy> allowed) {
        ValueParser<String> spelling = ValueParser.oneOf(DownloadPolicy.spellings(allowed));
        return ValueParser.named(spelling.describe(), raw -> DownloadPolicy.of(spelling.parse(raw)));
    }

    private static String glob(String glob) {
        if (!glob.startsWith("/")) throw new IllegalArgumentException("must start with / (a glob over folder paths inside the storage, e.g. /Movies/**)");
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a valid glob: " + e.getMessage());
        }
        return glob;
    }

    private static String signPath(Object raw) {
        String path = ValueParser.NON_BLANK.parse(raw).trim();
        if (!path.matches("(/[A-Za-z0-9._~-]+)+") || path.matches(".*/\\.{1,2}(/.*)?")) {
            throw new IllegalArgumentException("must be an absolute path of plain names such as /d or /-/d, not '" + path + "'");
        }
        return path;
    }

    private static String regex(Object raw) {
        String text = ValueParser.STRING.parse(raw);
        try {
            Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("is not a valid regular expression: " + e.getDescription());
        }
        return text;
    }
}
