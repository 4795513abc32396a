package org.alidav.aliyun;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.alidav.drive.Driver;
import org.alidav.drive.DriverContext;
import org.alidav.drive.DriverFactory;
import org.alidav.drive.DriverOptions;
import org.alidav.drive.remote.Backoff;
import org.alidav.drive.remote.DownloadGate;
import org.alidav.drive.remote.LinkCache;
import org.alidav.option.OptionSet;

/**
 * Builds the {@code aliyundrive-open} driver: reads the options and wires the parts. Makes no network
 * call, so a storage with a dead token or no network never stops the server from starting.
 */
public final class AliyunOpenDriverFactory implements DriverFactory {
    /** Where a storage kept its token before storages of one account shared a chain; taken over once. */
    private static final String LEGACY_TOKEN_FILE = "aliyundrive-open-token.json";

    private final UserPacing pacing;
    private final TokenChains tokenChains;

    /**
     * Storages built by this factory share the pacing of their user through {@code pacing}, and the
     * token of their account through {@code tokenChains}.
     */
    public AliyunOpenDriverFactory(UserPacing pacing, TokenChains tokenChains) {
        this.pacing = pacing;
        this.tokenChains = tokenChains;
    }

    /** A factory with pacing (on the real clock) and token chains of its own. */
    public AliyunOpenDriverFactory() {
        this(UserPacing.realTime(), new TokenChains());
    }

    @Override
    public String name() {
        return "aliyundrive-open";
    }

    @Override
    public OptionSet options() {
        return AliyunOptions.OPTIONS;
    }

    @Override
    public Driver create(DriverOptions options, DriverContext context) {
        AliyunOptions o = AliyunOptions.read(options);
        OkHttpClient plain = HttpClients.base(o.userAgent());
        Backoff backoff = new Backoff(o.retryBackoff(), Duration.ofSeconds(30));

        // until getDriveInfo names the user, calls are paced by the shared anonymous governor
        AtomicReference<Governor> governor = new AtomicReference<>(pacing.governor(Governor.ANONYMOUS, o.rates()));
        GovernorInterceptor paced = new GovernorInterceptor(governor::get, pacing.clock(), o.maxAttempts(), backoff, o.maxWait());
        // a hung renew server must not hold every caller waiting on the refresh for the read timeout
        OkHttpClient refreshHttp = plain.newBuilder().callTimeout(o.refreshTimeout()).addInterceptor(paced).build();
        TokenRefresher refresher = o.usesOwnApp()
                ? TokenRefresher.oauth(refreshHttp, o.apiBaseUrl(), o.clientId(), o.clientSecret())
                : TokenRefresher.online(refreshHttp, o.apiUrlAddress(), o.driverTxt());
        Path tokenFile = TokenFile.chainFile(context.dataDir(), o);
        StorageTokens tokens = tokenChains.join(tokenFile, context.storageName(), o.refreshToken(), () -> new TokenManager(o.refreshToken(),
                new TokenStore(tokenFile, context.stateDir().resolve(LEGACY_TOKEN_FILE)), refresher, context.clock(), o.tokenMargin(),
                o.refreshBackoff()));

        OpenApiClient client = new OpenApiClient(HttpClients.api(plain, new AuthInterceptor(tokens), paced), o.apiBaseUrl());
        AtomicReference<DownloadGate> gate = new AtomicReference<>(pacing.gate(Governor.ANONYMOUS, o.downloads()));
        DriveSelector drive = new DriveSelector(client, o.driveType(), user -> {
            governor.set(pacing.governor(user, o.rates()));
            gate.set(pacing.gate(user, o.downloads()));
        });
        OpenApi api = new OpenApi(client, drive, o.orderBy(), o.orderDirection());

        FileMapper mapper = new FileMapper(o.livpDownloadFormat());
        Remover remover = new Remover(api, o.removeWay().equals("delete"));
        ReplaceJournal journal = new ReplaceJournal(context.state(), context.storageName(), context.clock());
        Leftovers leftovers = new Leftovers(api, remover);
        Replacement replacement = new Replacement(journal, remover, o.retryBackoff(), leftovers);
        CreateResend creates = new CreateResend(leftovers, remover, context.clock());
        Uploader uploader = new Uploader(api, tokens, new PartUploader(plain, backoff, context.spoolDir()), new PartSizer(o.partSize()),
                mapper, context.clock(), UploadUrlRewriter.forOption(o.internalUpload()), o.rapidUpload(), replacement, context.spoolDir(),
                creates);
        LinkCache links = new LinkCache(context.clock(), o.linkMargin());
        LinkResolver resolver = new LinkResolver(api, context.clock(), o.linkExpireSec(), o.livpDownloadFormat());
        ObjectReader reader = new ObjectReader(o.userAgent(), Duration.ofMillis(plain.connectTimeoutMillis()),
                Duration.ofMillis(plain.readTimeoutMillis()));
        var parts = new AliyunOpenDriver.Parts(api, mapper, new ListingLinks(links),
                new Downloads(reader, links, resolver::resolve, gate::get),
                new Relocator(api, mapper, context.clock(), backoff, o.copyTimeout(), leftovers), remover, uploader, creates, context.clock(), tokens,
                journal, replacement, new JournalRepair(journal, api, remover, leftovers),
                new KeptModifiedTimes(context.state(), context.storageName()));
        return new AliyunOpenDriver(parts, o.rootFolderId(), context.spoolDir(), o.repairDuplicates());
    }
}
