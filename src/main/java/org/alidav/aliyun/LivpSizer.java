package org.alidav.aliyun;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import org.alidav.aliyun.ApiModel.FileItem;
import org.alidav.drive.Entry;

/**
 * Gives a {@code .livp} entry the size of the stream actually served (its JPEG or MOV part, not the
 * package) without costing a listing anything: {@code streams_info} answers where the listing has it;
 * otherwise the first GET or HEAD (or our own upload) measures the stream once, and the size is
 * remembered per file version, so later listings carry it too.
 */
final class LivpSizer {
    private final ToLongFunction<Entry> measure;
    private final Map<String, Long> known = new ConcurrentHashMap<>();

    /** @param measure the served size of a file, read from the object storage */
    LivpSizer(ToLongFunction<Entry> measure) {
        this.measure = measure;
    }

    /** A listed entry, with the served size where it is known already; never a network call. */
    Entry listed(Entry entry, FileItem item, FileMapper mapper) {
        if (!FileMapper.isLivp(item)) return entry;
        if (mapper.livpStreamSize(item).isPresent()) {
            known.put(key(entry), entry.size());
            return entry;
        }
        Long size = known.get(key(entry));
        return size == null ? entry : withSize(entry, size);
    }

    /** The entry as served: a live photo whose stream size is not known yet is measured now. */
    Entry served(Entry entry) {
        if (!FileMapper.isLivp(entry)) return entry;
        Long size = known.get(key(entry));
        if (size == null) {
            size = measure.applyAsLong(entry);
            known.put(key(entry), size);
        }
        return size == entry.size() ? entry : withSize(entry, size);
    }

    private static String key(Entry entry) {
        return entry.id() + "@" + entry.stored();
    }

    private static Entry withSize(Entry e, long size) {
        return new Entry(e.id(), e.name(), false, size, e.modified(), e.created(), e.sha1(), e.contentType(), e.stored());
    }
}
