package org.alidav.dav.resource;

import io.milton.http.Auth;
import io.milton.http.Range;
import io.milton.resource.GetableResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.alidav.dav.mount.Location;
import org.alidav.drive.ByteRange;
import org.alidav.drive.Entry;

/**
 * A file in a storage. GET and HEAD are answered by {@code dav.download.FileGetHandler}; Milton still
 * asks this class for length and type when it writes PROPFIND answers.
 */
public final class FileResource extends StorageResource implements GetableResource {

    public FileResource(Location location, Entry entry, DavResourceFactory factory) {
        super(location, entry, factory);
    }

    public String contentType() {
        return entry.contentType() != null ? entry.contentType() : ContentTypes.of(getName());
    }

    /** This file with the size a read serves (see {@code drive.LazySizes}); GET and HEAD answer from it. */
    public FileResource served() {
        Entry served = location.storage().served(location.path(), entry);
        return served == entry ? this : new FileResource(location, served, factory);
    }

    /** Opens a range of the content; the caller closes the stream. */
    public InputStream open(ByteRange range) {
        return range.length() == 0 ? InputStream.nullInputStream() : location.storage().open(entry, range);
    }

    /** Part of Milton's GetableResource contract; GET itself is answered by FileGetHandler. */
    @Override
    public void sendContent(OutputStream out, Range range, Map<String, String> params, String contentType) throws IOException {
        try (InputStream in = open(ByteRange.whole(entry.size()))) {
            in.transferTo(out);
        }
    }

    @Override
    public Long getMaxAgeSeconds(Auth auth) {
        return null;
    }

    @Override
    public String getContentType(String accepts) {
        return contentType();
    }

    @Override
    public Long getContentLength() {
        return entry.size();
    }
}
