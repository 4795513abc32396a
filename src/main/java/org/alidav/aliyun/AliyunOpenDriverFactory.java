package org.alidav.aliyun;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.alidav.drive.Driver;
import org.alidav.drive.DriverContext;
import org.alidav.drive.DriverFactory;
import org.alidav.drive.DriverOptions;

/**
 * Builds the {@code aliyundrive-open} driver: reads the options and wires the parts. Makes no network
 * call, so a storage with a dead token or no network never stops the server from starting.
 */
public final class AliyunOpenDriverFactory implements DriverFactory {

    @Override
    public String name() {
        return "aliyundrive-open";
    }

    @Override
    public Driver create(DriverOptions options, DriverContext context) {
        AliyunOptions o = AliyunOptions.read(options);
        OkHttpClient plain = HttpClients.base(o.userAgent());
        Backoff backoff = new Backoff(o.retryBackoff(), Duration.ofSeconds(30));

        // until getDriveInfo names the user, calls are paced by the process-wide anonymous governor
        AtomicReference<Governor> governor = new AtomicReference<>(Governor.forUser(Governor.ANONYMOUS, o.rates()));
        GovernorInterceptor pacing = new GovernorInterceptor(governor::get, o.maxAttempts(), backoff, o.maxWait());
        OkHttpClient refreshHttp = plain.newBuilder().addInterceptor(pacing).build();
        TokenRefresher refresher = o.usesOwnApp()
                ? TokenRefresher.oauth(refreshHttp, o.apiBaseUrl(), o.clientId(), o.clientSecret())
                : TokenRefresher.online(refreshHttp, o.apiUrlAddress());
        TokenManager tokens = new TokenManager(context.storageName(), o.refreshToken(), new TokenStore(context.stateDir()),
                refresher, context.clock(), o.tokenMargin());

        OpenApiClient client = new OpenApiClient(HttpClients.api(plain, new AuthInterceptor(tokens), pacing), o.apiBaseUrl());
        AtomicReference<DownloadGate> gate = new AtomicReference<>(DownloadGate.forUser(Governor.ANONYMOUS, o.downloads()));
        DriveSelector drive = new DriveSelector(client, o.driveType(), user -> {
            governor.set(Governor.forUser(user, o.rates()));
            gate.set(DownloadGate.forUser(user, o.downloads()));
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
