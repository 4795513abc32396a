package org.alidav.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the sandbox lets a test, benchmark or CLI tune. Build with {@link #builder()}.
 *
 * <p>Defaults follow docs/open-api.md: 2 h access tokens, download URLs capped at 900 s, upload URLs
 * valid 1 h, per-user limits list 4/s, link 1/s, other 15/s, 3 concurrent downloads per user.
 * Unfinished uploads are hidden from list and get, as docs/open-api.md ("Open questions") chooses where the service's
 * behaviour is not known ({@link Builder#listUnfinishedUploads}).
 */
public record SandboxOptions(
        Path dataDir,
        String host,
        int port,
        String clientId,
        String clientSecret,
        Clock clock,
        Duration accessTokenLifetime,
        Duration accessTokenGrace,
        Duration refreshTokenLifetime,
        Duration linkLifetimeCap,
        Duration uploadUrlLifetime,
        boolean rateLimits,
        double listRatePerSecond,
        double linkRatePerSecond,
        double otherRatePerSecond,
        double tokenRatePerSecond,
        int downloadConcurrency,
        boolean requireUserAgent,
        boolean strictUploadContentType,
        int preHashMatchedStatus,
        int recycleBinStatus,
        boolean clampListLimitTo100,
        long totalSpaceBytes,
        boolean omitResourceDrive,
        boolean omitBackupDrive,
        Duration asyncTaskDelay,
        boolean listUnfinishedUploads,
        String defaultUserName) {

    public SandboxOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        if (listRatePerSecond <= 0 || linkRatePerSecond <= 0 || otherRatePerSecond <= 0 || tokenRatePerSecond <= 0) {
            throw new IllegalArgumentException("rates must be positive (switch limits off with rateLimits(false))");
        }
        if (downloadConcurrency < 0) {
            throw new IllegalArgumentException("downloadConcurrency must be >= 0 (0 = off)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataDir = dataDir;
        b.host = host;
        b.port = port;
        b.clientId = clientId;
        b.clientSecret = clientSecret;
        b.clock = clock;
        b.accessTokenLifetime = accessTokenLifetime;
        b.accessTokenGrace = accessTokenGrace;
        b.refreshTokenLifetime = refreshTokenLifetime;
        b.linkLifetimeCap = linkLifetimeCap;
        b.uploadUrlLifetime = uploadUrlLifetime;
        b.rateLimits = rateLimits;
        b.listRate = listRatePerSecond;
        b.linkRate = linkRatePerSecond;
        b.otherRate = otherRatePerSecond;
        b.tokenRate = tokenRatePerSecond;
        b.downloadConcurrency = downloadConcurrency;
        b.requireUserAgent = requireUserAgent;
        b.strictUploadContentType = strictUploadContentType;
        b.preHashMatchedStatus = preHashMatchedStatus;
        b.recycleBinStatus = recycleBinStatus;
        b.clampListLimitTo100 = clampListLimitTo100;
        b.totalSpaceBytes = totalSpaceBytes;
        b.omitResourceDrive = omitResourceDrive;
        b.omitBackupDrive = omitBackupDrive;
        b.asyncTaskDelay = asyncTaskDelay;
        b.listUnfinishedUploads = listUnfinishedUploads;
        b.defaultUserName = defaultUserName;
        return b;
    }

    /** Mutable builder; every setter returns {@code this}. */
    public static final class Builder {
        private Path dataDir;
        private String host = "127.0.0.1";
        private int port = 0;
        private String clientId = "sandbox-client-id";
        private String clientSecret = "sandbox-client-secret";
        private Clock clock = Clock.systemUTC();
        private Duration accessTokenLifetime = Duration.ofSeconds(7200);
        private Duration accessTokenGrace = Duration.ofMinutes(5);
        private Duration refreshTokenLifetime = Duration.ofDays(90);
        private Duration linkLifetimeCap = Duration.ofSeconds(900);
        private Duration uploadUrlLifetime = Duration.ofSeconds(3600);
        private boolean rateLimits = true;
        private double listRate = 4;
        private double linkRate = 1;
        private double otherRate = 15;
        private double tokenRate = 10;
        private int downloadConcurrency = 3;
        private boolean requireUserAgent = true;
        private boolean strictUploadContentType = true;
        private int preHashMatchedStatus = 400;
        private int recycleBinStatus = 400;
        private boolean clampListLimitTo100 = false;
        private long totalSpaceBytes = 2L << 40; // 2 TiB
        private boolean omitResourceDrive = false;
        private boolean omitBackupDrive = false;
        private Duration asyncTaskDelay = Duration.ofMillis(200);
        private boolean listUnfinishedUploads = false;
        private String defaultUserName = "sandbox";

        /** Where tree, blobs, users and tokens live; state survives a restart on the same directory. */
        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder host(String v) { host = v; return this; }
        /** 0 = ephemeral. */
        public Builder port(int v) { port = v; return this; }
        public Builder clientId(String v) { clientId = v; return this; }
        public Builder clientSecret(String v) { clientSecret = v; return this; }
        /** Use a {@link SandboxClock} to move time in tests. */
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder accessTokenLifetime(Duration v) { accessTokenLifetime = v; return this; }
        /** How long the previous access token keeps working after a refresh. */
        public Builder accessTokenGrace(Duration v) { accessTokenGrace = v; return this; }
        public Builder refreshTokenLifetime(Duration v) { refreshTokenLifetime = v; return this; }
        /** Download URL lifetime = min(expire_sec, cap). */
        public Builder linkLifetimeCap(Duration v) { linkLifetimeCap = v; return this; }
        public Builder uploadUrlLifetime(Duration v) { uploadUrlLifetime = v; return this; }
        public Builder rateLimits(boolean v) { rateLimits = v; return this; }
        public Builder listRatePerSecond(double v) { listRate = v; return this; }
        public Builder linkRatePerSecond(double v) { linkRate = v; return this; }
        public Builder otherRatePerSecond(double v) { otherRate = v; return this; }
        /** Token refresh and renew-API calls, per client IP. */
        public Builder tokenRatePerSecond(double v) { tokenRate = v; return this; }
        /** Concurrent object downloads per user; 0 = unlimited. */
        public Builder downloadConcurrency(int v) { downloadConcurrency = v; return this; }
        public Builder requireUserAgent(boolean v) { requireUserAgent = v; return this; }
        public Builder strictUploadContentType(boolean v) { strictUploadContentType = v; return this; }
        public Builder preHashMatchedStatus(int v) { preHashMatchedStatus = v; return this; }
        public Builder recycleBinStatus(int v) { recycleBinStatus = v; return this; }
        public Builder clampListLimitTo100(boolean v) { clampListLimitTo100 = v; return this; }
        public Builder totalSpaceBytes(long v) { totalSpaceBytes = v; return this; }
        public Builder omitResourceDrive(boolean v) { omitResourceDrive = v; return this; }
        public Builder omitBackupDrive(boolean v) { omitBackupDrive = v; return this; }
        /** Wall-clock delay before a background folder copy finishes. */
        public Builder asyncTaskDelay(Duration v) { asyncTaskDelay = v; return this; }
        /**
         * The other reading of an unverified fact (docs/open-api.md, "Open questions": do listings show uploads before
         * their complete?): true lists an upload session in its folder with {@code status: "uploading"}
         * and answers get for it; false (default, the sheet's recommendation) hides it from both.
         */
        public Builder listUnfinishedUploads(boolean v) { listUnfinishedUploads = v; return this; }
        public Builder defaultUserName(String v) { defaultUserName = v; return this; }

        public SandboxOptions build() {
            Path dir = dataDir;
            if (dir == null) {
                try {
                    dir = Files.createTempDirectory("alidav-sandbox");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new SandboxOptions(dir, host, port, clientId, clientSecret, clock, accessTokenLifetime,
                    accessTokenGrace, refreshTokenLifetime, linkLifetimeCap, uploadUrlLifetime, rateLimits,
                    listRate, linkRate, otherRate, tokenRate, downloadConcurrency, requireUserAgent,
                    strictUploadContentType, preHashMatchedStatus, recycleBinStatus, clampListLimitTo100,
                    totalSpaceBytes, omitResourceDrive, omitBackupDrive, asyncTaskDelay, listUnfinishedUploads,
                    defaultUserName);
        }
    }
}
