package org.alidav.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.alidav.dav.download.DownloadPolicy;

/**
 * The {@code downloads:} section: who gets which download policy, and the signed links of
 * {@code use_proxy_url}.
 *
 * @param signPath    where signed links are served ({@code <sign_path>/<path>?sign=...}); default {@code /d}
 * @param signSecret  the HMAC key of signed links; empty = a random key kept in {@code data_dir}
 * @param signExpiry  how long a signed link is valid; {@link Duration#ZERO} = forever (only when set on purpose)
 * @param clientRules first match wins; no match = the storage's {@code webdav_policy}
 * @param maxRanges   most ranges a streamed download answers as one multipart 206 (after overlapping
 *                    and adjacent ones are merged); more, and the whole file is sent with 200
 */
public record DownloadSettings(String signPath, Optional<String> signSecret, Duration signExpiry, List<ClientRule> clientRules,
                               int maxRanges) {
    public static final String DEFAULT_SIGN_PATH = "/d";
    public static final Duration DEFAULT_SIGN_EXPIRY = Duration.ofHours(6);
    /** The range planner owns the rule and its default. */
    public static final int DEFAULT_MAX_RANGES = org.alidav.dav.http.RangeRequest.DEFAULT_MAX_RANGES;

    /**
     * Clients known not to follow a redirect, or not to ask the WebDAV URL again once the cloud link
     * expired (docs/open-api.md, "Object storage and WebDAV clients"), or that send a Referer when following one, which the
     * object storage refuses with 403 (Go's HTTP client: rclone): proxied. Everyone else
     * gets the storage's policy.
     */
    public static final List<ClientRule> DEFAULT_RULES = List.of(
            ClientRule.of("Microsoft-WebDAV-MiniRedir", DownloadPolicy.PROXY),
            ClientRule.of("rclone|Go-http-client", DownloadPolicy.PROXY),
            ClientRule.of("neon/", DownloadPolicy.PROXY),
            ClientRule.of("Kodi", DownloadPolicy.PROXY),
            ClientRule.of("VLC|LibVLC", DownloadPolicy.PROXY),
            ClientRule.of("AppleCoreMedia", DownloadPolicy.PROXY),
            ClientRule.of("Synology|Cloud ?Sync", DownloadPolicy.PROXY),
            ClientRule.of("^$", DownloadPolicy.PROXY));

    public DownloadSettings {
        clientRules = List.copyOf(clientRules);
    }

    public static DownloadSettings defaults() {
        return new DownloadSettings(DEFAULT_SIGN_PATH, Optional.empty(), DEFAULT_SIGN_EXPIRY, DEFAULT_RULES, DEFAULT_MAX_RANGES);
    }

    /**
     * One client rule.
     *
     * @param userAgent regular expression searched in the User-Agent, case-insensitively (a missing
     *                  User-Agent is the empty string, so {@code ^$} matches it)
     * @param address   the client's address must be in this range too, when given
     * @param policy    one of {@link DownloadPolicy#RULE_POLICIES}
     */
    public record ClientRule(String userAgent, Optional<AddressRange> address, DownloadPolicy policy) {
        static ClientRule of(String userAgent, DownloadPolicy policy) {
            return new ClientRule(userAgent, Optional.empty(), policy);
        }

        public Pattern pattern() {
            return Pattern.compile(userAgent, Pattern.CASE_INSENSITIVE);
        }
    }
}
