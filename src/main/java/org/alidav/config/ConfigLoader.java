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
import org.alidav.dav.download.DownloadPolicy;
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
    private static final String DEFAULTS_SOURCE = "built-in defaults";
    /** What runs without a config file (sandbox mode): the local folder ./data/files at /, on loopback. */
    private static final String DEFAULT_YAML = "storages:\n  - {mount: /, driver: local, root: ./data/files}\n";

    private final Path workingDirectory;
    private final ObjectMapper yaml;

    public ConfigLoader(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath();
        // Strict duplicates: a key written twice would otherwise silently keep the last value.
        // "key:" with nothing after it must read as null (absent), not as "": the builder does not
        // switch that default on by itself.
        this.yaml = new ObjectMapper(YAMLFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .build());
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
        try (JsonParser parser = yaml.createParser(text)) {
            if (parser.nextToken() == null) throw new ConfigException(source + ": the file is empty; see config/alidav.example.yaml");
            document = yaml.readValue(parser, Object.class);
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
        root.rejectUnknownKeys(ConfigKeys.TOP_KEYS);
        List<String> warnings = new ArrayList<>();
        AppConfig config = new AppConfig(server(root.section(ConfigKeys.SERVER)), root.get(ConfigKeys.ALLOW_ANONYMOUS),
                root.get(ConfigKeys.READ_ONLY), users(root, warnings), storages(root), downloads(root.section(ConfigKeys.DOWNLOADS)), source);
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
        server.rejectUnknownKeys(ConfigKeys.SERVER_KEYS);
        return new ServerSettings(
                server.get(ConfigKeys.HOST).trim(),
                server.get(ConfigKeys.PORT),
                resolve(server.get(ConfigKeys.DATA_DIR)),
                server.get(ConfigKeys.LOG_LEVEL),
                server.get(ConfigKeys.TRUSTED_PROXIES),
                server.optional(ConfigKeys.SPOOL_DIR).map(this::resolve).orElse(null),
                server.get(ConfigKeys.MAINTENANCE_INTERVAL),
                limits(server),
                tls(server));
    }

    /** {@code tls_cert} with {@code tls_key}, or {@code tls_self_signed}; the files are read when the server starts. */
    private TlsSettings tls(ConfigSection server) {
        Optional<Path> cert = server.optional(ConfigKeys.TLS_CERT).map(this::resolve);
        Optional<Path> key = server.optional(ConfigKeys.TLS_KEY).map(this::resolve);
        boolean selfSigned = server.get(ConfigKeys.TLS_SELF_SIGNED);
        if (cert.isPresent() && key.isEmpty()) throw server.error(ConfigKeys.TLS_KEY, "is required with tls_cert");
        if (key.isPresent() && cert.isEmpty()) throw server.error(ConfigKeys.TLS_CERT, "is required with tls_key");
        if (selfSigned && cert.isPresent()) {
            throw server.error(ConfigKeys.TLS_SELF_SIGNED, "cannot be true with tls_cert and tls_key: pick your certificate or a generated one");
        }
        return new TlsSettings(cert, key, selfSigned, server.get(ConfigKeys.TLS_RELOAD_INTERVAL));
    }

    /** The slow-client limits of the {@code server:} section; absent keys take {@link ClientLimits#DEFAULTS}. */
    private static ClientLimits limits(ConfigSection server) {
        return new ClientLimits(server.get(ConfigKeys.MIN_REQUEST_RATE), server.get(ConfigKeys.MIN_RESPONSE_RATE), server.get(ConfigKeys.MIN_RATE_GRACE),
                server.get(ConfigKeys.MAX_CONNECTIONS_PER_ADDRESS).intValue(), server.get(ConfigKeys.UPLOAD_THREADS).intValue());
    }

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
        for (ConfigSection user : root.sectionList(ConfigKeys.USERS)) {
            user.rejectUnknownKeys(ConfigKeys.USER_KEYS);
            String name = user.get(ConfigKeys.USER_NAME);
            String previous = pathByName.putIfAbsent(name, user.path());
            if (previous != null) throw user.error(ConfigKeys.USER_NAME, "duplicate user '" + name + "' (already defined at " + previous + ")");
            String password = user.get(ConfigKeys.PASSWORD);
            if (PasswordHasher.isHashed(password)) {
                try {
                    PasswordHasher.parse(password);
                } catch (IllegalArgumentException e) {
                    throw user.error(ConfigKeys.PASSWORD, e.getMessage());
                }
            } else {
                warnings.add("user " + name + " has a plain-text password; run `java -jar alidav.jar hash-password`");
            }
            users.add(new UserConfig(name, password, user.get(ConfigKeys.USER_READ_ONLY), user.get(ConfigKeys.ADMIN), user.get(ConfigKeys.MOUNTS)));
        }
        return users;
    }

    /** Every mount a user is limited to must be a storage's mount: a typo would hide everything from that user. */
    private static void checkUserMounts(ConfigSection root, AppConfig config) {
        Set<String> mounted = new HashSet<>();
        config.storages().forEach(s -> mounted.add(s.mount()));
        List<ConfigSection> sections = root.sectionList(ConfigKeys.USERS);
        for (int i = 0; i < sections.size(); i++) {
            for (String mount : config.users().get(i).mounts()) {
                if (!mounted.contains(mount)) {
                    throw sections.get(i).error(ConfigKeys.MOUNTS, "'" + mount + "' is not the mount of any storage (mounted: "
                            + String.join(", ", new TreeSet<>(mounted)) + ")");
                }
            }
        }
    }

    private List<StorageConfig> storages(ConfigSection root) {
        List<ConfigSection> entries = root.sectionList(ConfigKeys.STORAGES);
        if (entries.isEmpty()) throw root.error(ConfigKeys.STORAGES, "needs at least one storage, e.g. {mount: /, driver: local, root: ./data/files}");
        List<StorageConfig> storages = new ArrayList<>();
        Map<String, String> pathByMount = new HashMap<>();
        for (ConfigSection entry : entries) {
            StorageConfig storage = storage(entry);
            String previous = pathByMount.putIfAbsent(storage.mount(), entry.path());
            if (previous != null) {
                throw entry.error(ConfigKeys.MOUNT, "duplicate mount '" + storage.mount() + "' (already used by " + previous + ")");
            }
            storages.add(storage);
        }
        return storages;
    }

    private StorageConfig storage(ConfigSection entry) {
        String mount = entry.get(ConfigKeys.MOUNT);
        String driver = entry.get(ConfigKeys.DRIVER).trim();
        Optional<DownloadPolicy> policy = entry.optional(ConfigKeys.WEBDAV_POLICY);
        Optional<String> proxyUrl = entry.optional(ConfigKeys.DOWN_PROXY_URL);
        boolean usesProxyUrl = policy.filter(DownloadPolicy.PROXY_URL::equals).isPresent();
        if (usesProxyUrl && proxyUrl.isEmpty()) throw entry.error(ConfigKeys.DOWN_PROXY_URL, "is required when webdav_policy is use_proxy_url");
        if (!usesProxyUrl && proxyUrl.isPresent()) throw entry.error(ConfigKeys.DOWN_PROXY_URL, "is only used with webdav_policy: use_proxy_url");
        return new StorageConfig(mount, driver, entry.get(ConfigKeys.STORE_SYSTEM_FILES), entry.get(ConfigKeys.CACHE_TTL), policy, proxyUrl,
                driverOptions(driver, entry.remainingAfter(ConfigKeys.STORAGE_KEYS)), entry.get(ConfigKeys.CACHE_STALE_GRACE), cacheRules(entry));
    }

    /** {@code cache_rules: [{path: /Movies/**, ttl: 1h}, ...]}: globs over folder paths inside the storage. */
    private static List<StorageConfig.CacheRule> cacheRules(ConfigSection entry) {
        List<StorageConfig.CacheRule> rules = new ArrayList<>();
        for (ConfigSection rule : entry.sectionList(ConfigKeys.CACHE_RULES)) {
            rule.rejectUnknownKeys(ConfigKeys.CACHE_RULE_KEYS);
            rules.add(new StorageConfig.CacheRule(rule.get(ConfigKeys.RULE_PATH), rule.get(ConfigKeys.RULE_TTL)));
        }
        return rules;
    }

    /** The {@code downloads:} section; absent keys take {@link DownloadSettings#defaults()}. */
    private static DownloadSettings downloads(ConfigSection section) {
        section.rejectUnknownKeys(ConfigKeys.DOWNLOAD_KEYS);
        String signPath = section.get(ConfigKeys.SIGN_PATH);
        Optional<String> secret = section.optional(ConfigKeys.SIGN_SECRET);
        Duration expiry = section.get(ConfigKeys.SIGN_EXPIRY);
        List<DownloadSettings.ClientRule> rules = DownloadSettings.DEFAULT_RULES;
        if (section.optional(ConfigKeys.CLIENT_RULES).isPresent()) {
            rules = new ArrayList<>();
            for (ConfigSection rule : section.sectionList(ConfigKeys.CLIENT_RULES)) rules.add(clientRule(rule));
        }
        return new DownloadSettings(signPath, secret, expiry, rules, section.get(ConfigKeys.MAX_RANGES));
    }

    private static DownloadSettings.ClientRule clientRule(ConfigSection rule) {
        rule.rejectUnknownKeys(ConfigKeys.CLIENT_RULE_KEYS);
        String ua = rule.get(ConfigKeys.USER_AGENT);
        Optional<AddressRange> address = rule.optional(ConfigKeys.ADDRESS_RANGE);
        if (ua.isEmpty() && address.isEmpty()) {
            throw rule.error(ConfigKeys.USER_AGENT, "is required unless address is given (use \"^$\" for a missing User-Agent)");
        }
        return new DownloadSettings.ClientRule(ua, address, rule.get(ConfigKeys.POLICY));
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
