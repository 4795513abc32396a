package org.alidav.dav.download;

import java.util.List;

/**
 * How a GET of a file is answered, as the config spells it: a storage's {@code webdav_policy} and a
 * client rule's {@code policy} parse into this one type, and {@link PolicyResolver} answers by it.
 * A new policy is a constant here and its branch in {@link PolicyResolver}.
 */
public enum DownloadPolicy {
    /** 302 to the cloud's own signed link ({@link RedirectDownload}). */
    REDIRECT("302_redirect"),
    /** Streamed through this server ({@link StreamDownload}). */
    PROXY("native_proxy"),
    /** 302 to a signed URL of an external proxy ({@link ProxyUrlDownload}); needs {@code down_proxy_url}. */
    PROXY_URL("use_proxy_url"),
    /** A client rule's "whatever the storage's own policy is"; never a storage's own. */
    STORAGE("storage");

    /** What a storage's {@code webdav_policy} may be, in the order error messages list them. */
    public static final List<DownloadPolicy> STORAGE_POLICIES = List.of(REDIRECT, PROXY, PROXY_URL);
    /** What a client rule's {@code policy} may be, in the order error messages list them. */
    public static final List<DownloadPolicy> RULE_POLICIES = List.of(REDIRECT, PROXY, PROXY_URL, STORAGE);

    private final String spelling;

    DownloadPolicy(String spelling) {
        this.spelling = spelling;
    }

    /** The name in the config file, such as {@code 302_redirect}. */
    public String spelling() {
        return spelling;
    }

    /** The policy the config spells {@code spelling} (exactly, as {@link #spelling()} gives it). */
    public static DownloadPolicy of(String spelling) {
        for (DownloadPolicy p : values()) {
            if (p.spelling.equals(spelling)) return p;
        }
        throw new IllegalArgumentException("no download policy is called '" + spelling + "'");
    }

    /** The spellings of {@code policies}, in their order. */
    public static List<String> spellings(List<DownloadPolicy> policies) {
        return policies.stream().map(DownloadPolicy::spelling).toList();
    }

    @Override
    public String toString() {
        return spelling;
    }
}
