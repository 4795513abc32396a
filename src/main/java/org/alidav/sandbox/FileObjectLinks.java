package org.alidav.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * File objects as list, get, get_by_path, batch/get and search answer them: a file under 5 MB
 * carries a working download {@code url} (docs/open-api.md, Download links), signed like getDownloadUrl's and living
 * as long as its links do. Live photos carry none (their getDownloadUrl has streams only). The
 * fault {@link FaultPlan#withholdFileObjectLinks} answers without links, as a service that does not
 * send them would.
 */
final class FileObjectLinks {
    /** "Files under 5 MB": read as decimal megabytes, the smaller of the two readings. */
    static final long MAX_SIZE = 5_000_000;

    private final ObjectUrls urls;
    private final FaultPlan faults;
    private final Duration lifetime;

    FileObjectLinks(ObjectUrls urls, FaultPlan faults, Duration lifetime) {
        this.urls = urls;
        this.faults = faults;
        this.lifetime = lifetime;
    }

    ObjectNode view(FileNode n, ApiCall call) {
        ObjectNode o = FileView.of(n);
        if (!n.isFolder() && n.isVisible() && n.size() != null && n.size() < MAX_SIZE && n.contentHash() != null
                && !LivpStreams.isLivp(n.name()) && !faults.fileObjectLinksWithheld()) {
            o.put("url", urls.download(call.user().userId(), n.contentHash(), null, n.name(), lifetime).url());
        }
        return o;
    }
}
