package org.alidav.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.alidav.server.guard.ClientLimits;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the YAML config file into an {@link AppConfig}, refusing anything it does not understand
 * with one {@link ConfigException} that names the file, the key path and the problem.
 *
 * <p>Relative paths — {@code server.data_dir} and the {@code root} of a {@code local} storage — are
 * resolved against the working directory given to the constructor — the process's current working
 * directory in production ({@code Path.of("")}) — not against the config file's directory.
 */
public final class ConfigLoader {
    static final Set<String> TOP_KEYS = Set.of("server", "allow_anonymous", "read_only", "users", "storages", "downloads");
    static final Set<String> DOWNLOAD_KEYS = Set.of("sign_path", "sign_secret", "sign_expiry", "client_rules", "max_ranges");
    static final Set<String> RULE_KEYS = Set.of("user_agent", "address", "policy");
    static final Set<String> SERVER_KEYS = Set.of("host", "port", "data_dir", "log_level", "trusted_proxies", "spool_dir",
            "maintenance_interval", "min_request_rate", "min_response_rate", "min_rate_grace", "max_connections_per_address", "upload_threads",
            "tls_cert", "tls_key", "tls_self_signed", "tls_reload_interval");
    /** 1 GB/s: a minimum rate above it would refuse every client; 0 switches the minimum off. */
    private static final long MAX_MIN_RATE = 1_000_000_000L;
    private static final Duration MAX_RATE_GRACE = Duration.ofMinutes(10);
    static final Set<String> USER_KEYS = Set.of("name", "password", "read_only", "admin", "mounts");

    private static final String DEFAULT_HOST = "127.0.0.1";
    private static final int DEFAULT_PORT = 8080;
    private static final String DEFAULT_DATA_DIR = "./data";
    private static final String DEFAULTS_SOURCE = "built-in defaults";
    /** What runs without a config file (sandbox mode): the local folder ./data/files at /, on loopback. */
    private static final String DEFAULT_YAML = "storages:\n  - {mount: /, driver: local, root: ./data/files}\n";

    private static final ValueParser<String> WEBDAV_POLICY = ValueParser.oneOf(StorageConfig.WEBDAV_POLICIES);

    /**
     * Strict duplicates: a key written twice would otherwise silently keep the last value. "key:" with
     * nothing after it must read as null (absent), not as "": the builder does not switch that default on
     * by itself. One for the process: a mapper is safe to share once configured, and building one is a
     * good part of reading a small config.
     */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build());

    private final Path workingDirectory;

    public ConfigLoader(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath();
    }

    /** Reads {@code file} (relative to the working directory); messages name it as given. */
    public LoadedConfig load(Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(workingDirectory.resolve(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(source + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot be read: " + e.getMessage());
        }
        return parse(text, source);
    }

    /** The configuration used when there is no file: see {@link #DEFAULT_YAML}. */
    public LoadedConfig defaults() {
        return parse(DEFAULT_YAML, DEFAULTS_SOURCE);
    }

    /** Parses {@code text}; {@code source} names it in error messages. */
    public LoadedConfig parse(String text, String source) {
        Object document;
        try (JsonParser parser = YAML.createParser(text)) {
            if (parser.nextToken() == null) throw new ConfigException(source + ": the file is empty; see config/alidav.example.yaml");
            document = YAML.readValue(parser, Object.class);
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new ConfigException(source + ": must be a YAML mapping with server, users and storages keys");
        }
        @SuppressWarnings("unchecked")
        ConfigSection root = ConfigSection.root(source, (Map<String, Object>) map);
        root.rejectUnknownKeys(TOP_KEYS);
        List<String> warnings = new ArrayList<>();
        AppConfig config = new AppConfig(server(root.section("server")),
                root.get("allow_anonymous", ValueParser.BOOLEAN, false),
                root.get("read_only", ValueParser.BOOLEAN, false),
                users(root, warnings), storages(root), downloads(root.section("downloads")), source);
        checkUserMounts(root, config);
        return new LoadedConfig(config, warnings);
    }

    /** SnakeYAML knows the precise problem and where it is; Jackson's own errors (duplicate keys) carry a location. */
    private static ConfigException syntaxError(String source, JsonProcessingException e) {
        String where = "";
        String what = e.getOriginalMessage().lines().findFirst().orElse("").trim();
        if (e.getCause() instanceof MarkedYAMLException yamlError && yamlError.getProblemMark() != null) {
            Mark mark = yamlError.getProblemMark();
            where = "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
            what = yamlError.getProblem();
        } else if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            where = "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
        }
        return new ConfigException(source + ": " + where + "invalid YAML: " + what);
    }

    private ServerSettings server(ConfigSection server) {
        server.rejectUnknownKeys(SERVER_KEYS);
        return new ServerSettings(
                server.get("host", ValueParser.NON_BLANK, DEFAULT_HOST).trim(),
                server.get("port", ValueParser.PORT, DEFAULT_PORT),
                resolve(server.get("data_dir", ValueParser.NON_BLANK, DEFAULT_DATA_DIR)),
                server.get("log_level", ValueParser.oneOf(ServerSettings.LOG_LEVELS), "info"),
                server.get("trusted_proxies", ValueParser.list(raw -> AddressRange.parse(ValueParser.STRING.parse(raw))), List.of()),
                server.optional("spool_dir", ValueParser.NON_BLANK).map(this::resolve).orElse(null),
                server.get("maintenance_interval", POSITIVE_DURATION, ServerSettings.DEFAULT_MAINTENANCE_INTERVAL),
                limits(server),
                tls(server));
    }

    /** {@code tls_cert} with {@code tls_key}, or {@code tls_self_signed}; the files are read when the server starts. */
    private TlsSettings tls(ConfigSection server) {
        Optional<Path> cert = server.optional("tls_cert", ValueParser.NON_BLANK).map(this::resolve);
        Optional<Path> key = server.optional("tls_key", ValueParser.NON_BLANK).map(this::resolve);
        boolean selfSigned = server.get("tls_self_signed", ValueParser.BOOLEAN, false);
        if (cert.isPresent() && key.isEmpty()) throw server.error("tls_key", "is required with tls_cert");
        if (key.isPresent() && cert.isEmpty()) throw server.error("tls_cert", "is required with tls_key");
        if (selfSigned && cert.isPresent()) {
            throw server.error("tls_self_signed", "cannot be true with tls_cert and tls_key: pick your certificate or a generated one");
        }
        Duration reload = server.get("tls_reload_interval", POSITIVE_DURATION, TlsSettings.DEFAULT_RELOAD_INTERVAL);
        if (reload.compareTo(Duration.ofMinutes(1)) > 0) throw server.error("tls_reload_interval", "must be at most 1m (a renewal is served within a minute)");
        return new TlsSettings(cert, key, selfSigned, reload);
    }

    /** The slow-client limits of the {@code server:} section; absent keys take {@link ClientLimits#DEFAULTS}. */
    private static ClientLimits limits(ConfigSection server) {
        ClientLimits d = ClientLimits.DEFAULTS;
        ValueParser<Long> rate = ValueParser.wholeNumber(0, MAX_MIN_RATE);
        Duration grace = server.get("min_rate_grace", ValueParser.DURATION, d.rateGrace());
        if (grace.isZero() || grace.isNegative() || grace.compareTo(MAX_RATE_GRACE) > 0) {
            throw server.error("min_rate_grace", "must be more than 0 and at most 10m");
        }
        return new ClientLimits(
                server.get("min_request_rate", rate, d.minRequestRate()),
                server.get("min_response_rate", rate, d.minResponseRate()),
                grace,
                server.get("max_connections_per_address", ValueParser.wholeNumber(0, Integer.MAX_VALUE), (long) d.maxConnectionsPerAddress()).intValue(),
                server.get("upload_threads", ValueParser.wholeNumber(1, ClientLimits.maxUploadThreads()), (long) d.uploadThreads()).intValue());
    }

    private static final ValueParser<java.time.Duration> POSITIVE_DURATION = raw -> {
        java.time.Duration d = ValueParser.DURATION.parse(raw);
        if (d.isZero() || d.isNegative()) throw new IllegalArgumentException("must be longer than zero, not '" + raw + "'");
        return d;
    };

    private Path resolve(String path) {
        return resolve(workingDirectory, path);
    }

    /** {@code path} made absolute against {@code workingDirectory}, as every relative path of the config is. */
    static Path resolve(Path workingDirectory, String path) {
        return workingDirectory.toAbsolutePath().resolve(path).normalize();
    }

    private static List<UserConfig> users(ConfigSection root, List<String> warnings) {
        List<UserConfig> users = new ArrayList<>();
        Map<String, String> pathByName = new HashMap<>();
        for (ConfigSection user : root.sectionList("users")) {
            user.rejectUnknownKeys(USER_KEYS);
            String name = user.required("name", ValueParser.TEXT);
            // HTTP Basic authentication splits "name:password" at the first colon.
            if (name.contains(":")) throw user.error("name", "must not contain ':'");
            String previous = pathByName.putIfAbsent(name, user.path());
            if (previous != null) throw user.error("name", "duplicate user '" + name + "' (already defined at " + previous + ")");
            String password = user.required("password", ValueParser.TEXT);
            if (PasswordHasher.isHashed(password)) {
                try {
                    PasswordHasher.parse(password);
                } catch (IllegalArgumentException e) {
                    throw user.error("password", e.getMessage());
                }
            } else {
                warnings.add("user " + name + " has a plain-text password; run `java -jar alidav.jar hash-password`");
            }
            List<String> mounts = user.get("mounts", ValueParser.list(MountPath::normalise), List.of());
            if (user.optional("mounts", raw -> raw).isPresent() && mounts.isEmpty()) {
                throw user.error("mounts", "must name at least one mount, such as [/ali]; leave it out for every mount");
            }
            users.add(new UserConfig(name, password, user.get("read_only", ValueParser.BOOLEAN, false),
                    user.get("admin", ValueParser.BOOLEAN, false), mounts));
        }
        return users;
    }

    /** Every mount a user is limited to must be a storage's mount: a typo would hide everything from that user. */
    private static void checkUserMounts(ConfigSection root, AppConfig config) {
        Set<String> mounted = new HashSet<>();
        config.storages().forEach(s -> mounted.add(s.mount()));
        List<ConfigSection> sections = root.sectionList("users");
        for (int i = 0; i < sections.size(); i++) {
            for (String mount : config.users().get(i).mounts()) {
                if (!mounted.contains(mount)) {
                    throw sections.get(i).error("mounts", "'" + mount + "' is not the mount of any storage (mounted: "
                            + String.join(", ", new TreeSet<>(mounted)) + ")");
                }
            }
        }
    }

    private List<StorageConfig> storages(ConfigSection root) {
        List<ConfigSection> entries = root.sectionList("storages");
        if (entries.isEmpty()) throw root.error("storages", "needs at least one storage, e.g. {mount: /, driver: local, root: ./data/files}");
        List<StorageConfig> storages = new ArrayList<>();
        Map<String, String> pathByMount = new HashMap<>();
        for (ConfigSection entry : entries) {
            StorageConfig storage = storage(entry);
            String previous = pathByMount.putIfAbsent(storage.mount(), entry.path());
            if (previous != null) {
                throw entry.error("mount", "duplicate mount '" + storage.mount() + "' (already used by " + previous + ")");
            }
            storages.add(storage);
        }
        return storages;
    }

    private StorageConfig storage(ConfigSection entry) {
        String mount = entry.required("mount", MountPath::normalise);
        String driver = entry.required("driver", ValueParser.NON_BLANK).trim();
        Optional<String> policy = entry.optional("webdav_policy", WEBDAV_POLICY);
        Optional<String> proxyUrl = entry.optional("down_proxy_url", ValueParser.HTTP_URL);
        boolean usesProxyUrl = policy.filter(StorageConfig.POLICY_USE_PROXY_URL::equals).isPresent();
        if (usesProxyUrl && proxyUrl.isEmpty()) throw entry.error("down_proxy_url", "is required when webdav_policy is use_proxy_url");
        if (!usesProxyUrl && proxyUrl.isPresent()) throw entry.error("down_proxy_url", "is only used with webdav_policy: use_proxy_url");
        Duration ttl = entry.get("cache_ttl", ValueParser.DURATION, StorageConfig.DEFAULT_CACHE_TTL);
        Duration grace = entry.get("cache_stale_grace", ValueParser.DURATION, StorageConfig.DEFAULT_CACHE_STALE_GRACE);
        return new StorageConfig(mount, driver, entry.get("store_system_files", ValueParser.BOOLEAN, false), ttl,
                policy, proxyUrl, driverOptions(driver, entry.remainingAfter(StorageConfig.STORAGE_KEYS)), grace, cacheRules(entry));
    }

    static final Set<String> CACHE_RULE_KEYS = Set.of("path", "ttl");

    /** {@code cache_rules: [{path: /Movies/**, ttl: 1h}, ...]}: globs over folder paths inside the storage. */
    private static List<StorageConfig.CacheRule> cacheRules(ConfigSection entry) {
        List<StorageConfig.CacheRule> rules = new ArrayList<>();
        for (ConfigSection rule : entry.sectionList("cache_rules")) {
            rule.rejectUnknownKeys(CACHE_RULE_KEYS);
            String glob = rule.required("path", ValueParser.NON_BLANK).trim();
            if (!glob.startsWith("/")) throw rule.error("path", "must start with / (a glob over folder paths inside the storage, e.g. /Movies/**)");
            try {
                java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (RuntimeException e) {
                throw rule.error("path", "is not a valid glob: " + e.getMessage());
            }
            rules.add(new StorageConfig.CacheRule(glob, rule.required("ttl", ValueParser.DURATION)));
        }
        return rules;
    }

    /** The {@code downloads:} section; absent keys take {@link DownloadSettings#defaults()}. */
    private static DownloadSettings downloads(ConfigSection section) {
        section.rejectUnknownKeys(DOWNLOAD_KEYS);
        String signPath = section.get("sign_path", ValueParser.NON_BLANK, DownloadSettings.DEFAULT_SIGN_PATH).trim();
        if (!signPath.matches("(/[A-Za-z0-9._~-]+)+") || signPath.matches(".*/\\.{1,2}(/.*)?")) {
            throw section.error("sign_path", "must be an absolute path of plain names such as /d or /-/d, not '" + signPath + "'");
        }
        Optional<String> secret = section.optional("sign_secret", ValueParser.TEXT);
        if (secret.isPresent() && secret.get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 16) {
            throw section.error("sign_secret", "must be at least 16 characters (leave it out to have one generated)");
        }
        Duration expiry = section.get("sign_expiry", ValueParser.DURATION, DownloadSettings.DEFAULT_SIGN_EXPIRY);
        if (expiry.isNegative()) throw section.error("sign_expiry", "must not be negative (0 = links never expire)");
        List<DownloadSettings.ClientRule> rules = DownloadSettings.DEFAULT_RULES;
        if (section.optional("client_rules", raw -> raw).isPresent()) {
            rules = new ArrayList<>();
            for (ConfigSection rule : section.sectionList("client_rules")) rules.add(clientRule(rule));
        }
        int maxRanges = section.get("max_ranges", ValueParser.POSITIVE_INT, DownloadSettings.DEFAULT_MAX_RANGES);
        return new DownloadSettings(signPath, secret, expiry, rules, maxRanges);
    }

    private static DownloadSettings.ClientRule clientRule(ConfigSection rule) {
        rule.rejectUnknownKeys(RULE_KEYS);
        String ua = rule.get("user_agent", ValueParser.STRING, "");
        try {
            java.util.regex.Pattern.compile(ua);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw rule.error("user_agent", "is not a valid regular expression: " + e.getDescription());
        }
        Optional<AddressRange> address = rule.optional("address", raw -> AddressRange.parse(ValueParser.STRING.parse(raw)));
        if (ua.isEmpty() && address.isEmpty()) {
            throw rule.error("user_agent", "is required unless address is given (use \"^$\" for a missing User-Agent)");
        }
        String policy = rule.required("policy", ValueParser.oneOf(DownloadSettings.RULE_POLICIES));
        return new DownloadSettings.ClientRule(ua, address, policy);
    }

    /** The local driver's {@code root} is a path of this machine, so it is resolved like {@code data_dir}. */
    private Map<String, Object> driverOptions(String driver, Map<String, Object> options) {
        if (driver.equals("local") && options.get("root") instanceof String root && !root.isBlank()) {
            Map<String, Object> resolved = new LinkedHashMap<>(options);
            resolved.put("root", resolve(root).toString());
            return resolved;
        }
        return options;
    }
}
