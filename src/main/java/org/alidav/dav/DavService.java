package org.alidav.dav;

import io.milton.config.HttpManagerBuilder;
import io.milton.http.Handler;
import io.milton.http.HttpManager;
import io.milton.http.values.ValueWriters;
import io.milton.http.webdav.ResourceTypeHelper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.alidav.dav.download.Download;
import org.alidav.dav.download.FileGetHandler;
import org.alidav.dav.http.DavErrorFilter;
import org.alidav.dav.http.RequestChecks;
import org.alidav.dav.lock.LockTargets;
import org.alidav.dav.mount.Mount;
import org.alidav.dav.mount.MountSpec;
import org.alidav.dav.mount.MountTable;
import org.alidav.dav.props.DavPropertySource;
import org.alidav.dav.props.DeadPropertyStore;
import org.alidav.dav.props.LegacyPropertiesImport;
import org.alidav.dav.props.NamespaceSafePropFindXmlGenerator;
import org.alidav.dav.props.PropFindAnswerHandler;
import org.alidav.dav.props.PropFindFieldParser;
import org.alidav.dav.props.PropPatchHandler;
import org.alidav.dav.props.PropertyLimits;
import org.alidav.dav.props.XmlFragmentValueWriter;
import org.alidav.dav.resource.DavResourceFactory;
import org.alidav.dav.resource.ETags;
import org.alidav.dav.resource.LocationData;
import org.alidav.dav.resource.VirtualFolderResource;
import org.alidav.dav.upload.PutHandler;
import org.alidav.drive.cache.Storage;
import org.alidav.drive.local.LocalDriver;
import org.alidav.state.StateStore;

/**
 * The WebDAV layer, assembled: mounts, the dead properties in the state database, the shadow stores
 * under the data dir, and a Milton {@link HttpManager} with our fixes. What Milton still does: OPTIONS, PROPFIND
 * (allprop, propname), MKCOL, DELETE, MOVE, COPY. What we replaced: GET/HEAD ({@link FileGetHandler}), PUT
 * ({@link PutHandler}), PROPPATCH ({@link PropPatchHandler}), PROPFIND naming its properties
 * ({@link PropFindAnswerHandler}), the last filter ({@link DavErrorFilter}), the PROPFIND XML writer
 * ({@link NamespaceSafePropFindXmlGenerator}), entity tags ({@link ETags}); and what is refused
 * before Milton sees it ({@link RequestChecks}).
 */
public final class DavService implements AutoCloseable {
    private final HttpManager httpManager;
    private final RequestChecks requestChecks;
    private final List<Storage> shadows;
    private final DavResourceFactory resourceFactory;
    private final OptionsAnswer anonymousOptions;

    private DavService(HttpManager httpManager, List<Storage> shadows, DavResourceFactory resourceFactory, OptionsAnswer anonymousOptions) {
        this.httpManager = httpManager;
        this.requestChecks = new RequestChecks(resourceFactory.mounts());
        this.shadows = shadows;
        this.resourceFactory = resourceFactory;
        this.anonymousOptions = anonymousOptions;
    }

    /**
     * @param mounts     the storages and where they appear
     * @param dataDir    where the system-file shadow stores live, and an earlier version's dead-property file
     * @param state      the state database, for the dead properties
     * @param downloads  how file GETs are answered
     * @param extensions additions to the Milton wiring (lock support)
     */
    public static DavService create(List<MountSpec> mounts, Path dataDir, StateStore state, Download downloads,
                                    List<DavExtension> extensions) {
        List<Storage> shadows = new ArrayList<>();
        List<Mount> mounted = new ArrayList<>();
        for (MountSpec spec : mounts) {
            List<String> at = MountTable.names(spec.mountPath());
            Storage shadow = spec.storeSystemFiles() ? spec.storage() : shadowStorage(dataDir, spec.mountPath(), at);
            if (shadow != spec.storage()) shadows.add(shadow);
            mounted.add(new Mount(at, spec.storage(), shadow));
        }
        DeadPropertyStore deadProperties = new DeadPropertyStore(state, PropertyLimits.STANDARD);
        LegacyPropertiesImport.run(dataDir, deadProperties);
        LocationData carried = LocationData.all(List.of(deadProperties, PathListener.asLocationData(extensions)));
        DavResourceFactory factory = new DavResourceFactory(new MountTable(mounted), carried);

        HttpManagerBuilder b = miltonBuilder(factory, deadProperties, extensions);
        // after Milton's protocols (and any an extension added during init), so ours win for their methods
        b.getProtocols().add(new DavHandlers(new FileGetHandler(downloads), new PutHandler(factory), new PropPatchHandler(factory, deadProperties),
                PropFindAnswerHandler.of(b)));
        HttpManager manager = b.buildHttpManager();
        return new DavService(manager, shadows, factory, anonymousOptions(manager, b.getResourceTypeHelper(), factory));
    }

    /**
     * Milton configured and initialised with our fixes, before our own handlers are added: what {@link #create}
     * builds on, and what a test compares {@link PropFindAnswerHandler}'s answers with Milton's in.
     */
    public static HttpManagerBuilder miltonBuilder(DavResourceFactory factory, DeadPropertyStore deadProperties, List<DavExtension> extensions) {
        HttpManagerBuilder b = new HttpManagerBuilder();
        b.setMainResourceFactory(factory);
        // authentication is done before Milton (server.AuthFilter); these are default-on extras we must not have
        b.setEnableBasicAuth(false);
        b.setEnableDigestAuth(false);
        b.setEnableFormAuth(false);
        b.setEnableCookieAuth(false);
        b.setEnabledJson(false);
        b.setEnableCompression(false);
        b.setEnableQuota(true);
        b.setMultiNamespaceCustomPropertySourceEnabled(false);
        b.setExtraPropertySources(new ArrayList<>(List.of(new DavPropertySource(deadProperties))));
        ValueWriters valueWriters = XmlFragmentValueWriter.withDefaults();
        b.setValueWriters(valueWriters);
        b.setPropFindXmlGenerator(new NamespaceSafePropFindXmlGenerator(valueWriters));
        b.setPropFindRequestFieldParser(new io.milton.http.webdav.MsPropFindRequestFieldParser(new PropFindFieldParser()));
        b.seteTagGenerator(new ETags());
        b.setDefaultStandardFilter(new DavErrorFilter());
        // the spot for LockSupport.install(...): extensions register before init, after our settings
        LockTargets lockTargets = new StorageLockTargets(factory);
        extensions.forEach(e -> e.install(b, lockTargets));
        b.init();
        keepDestinationsUntilReplaced(b);
        return b;
    }

    /**
     * The DAV classes Milton announces for a folder, asked of an empty virtual folder (which looks
     * nothing up), and every method some handler serves, in a fixed order.
     */
    private static OptionsAnswer anonymousOptions(HttpManager manager, ResourceTypeHelper types, DavResourceFactory factory) {
        List<String> levels = types.getSupportedLevels(new VirtualFolderResource(new MountTable.Virtual(List.of(), List.of()), factory));
        TreeSet<String> methods = new TreeSet<>();
        for (Handler h : manager.getAllHandlers()) methods.addAll(List.of(h.getMethods()));
        return new OptionsAnswer(String.join(", ", levels), String.join(", ", methods));
    }

    /**
     * Milton deletes an existing destination before a MOVE or COPY with {@code Overwrite: T}; a failure
     * of the move after that loses the destination's content. The storages replace it themselves, once
     * the new item is in place (see {@code dav.resource.Transfer}).
     */
    private static void keepDestinationsUntilReplaced(HttpManagerBuilder b) {
        for (io.milton.http.Handler h : b.getWebDavProtocol().getHandlers()) {
            if (h instanceof io.milton.http.webdav.MoveHandler move) move.setDeleteExistingBeforeMove(false);
            if (h instanceof io.milton.http.webdav.CopyHandler copy) copy.setDeleteExistingBeforeCopy(false);
        }
    }

    private static Storage shadowStorage(Path dataDir, String mountPath, List<String> at) {
        String dirName = at.isEmpty() ? "root" : String.join("_", at).replaceAll("[^A-Za-z0-9._-]", "_");
        Path root = dataDir.resolve("shadow").resolve(dirName + "-" + Integer.toHexString(mountPath.hashCode()));
        try {
            java.nio.file.Files.createDirectories(root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the shadow store " + root, e);
        }
        return new Storage("shadow:" + mountPath, new LocalDriver(root, Clock.systemUTC()), Duration.ofMinutes(10), Clock.systemUTC());
    }

    public HttpManager httpManager() {
        return httpManager;
    }

    /** Paths to resources, for routes outside Milton (signed downloads). */
    public DavResourceFactory resourceFactory() {
        return resourceFactory;
    }

    /** What an OPTIONS without credentials is answered (see {@link OptionsAnswer}). */
    public OptionsAnswer anonymousOptions() {
        return anonymousOptions;
    }

    public RequestChecks requestChecks() {
        return requestChecks;
    }

    @Override
    public void close() {
        httpManager.shutdown();
        shadows.forEach(Storage::close);
    }
}
