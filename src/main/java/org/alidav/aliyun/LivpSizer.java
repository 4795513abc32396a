package org.alidav.aliyun;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.alidav.aliyun.ApiModel.FileItem;
import org.alidav.drive.Entry;
import org.alidav.drive.Link;

/**
 * Gives a {@code .livp} entry the size of the stream actually served (its JPEG or MOV part, not the
 * package). {@code streams_info} answers when the list has it; otherwise the stream is measured once
 * with a one-byte Range read of its link (which the link cache then reuses for the real read), and
 * remembered per file version so relisting costs nothing.
 */
final class LivpSizer {
    private final FileMapper mapper;
    private final ObjectReader reader;
    private final Function<String, Link> links;
    private final Map<String, Long> measured = new ConcurrentHashMap<>();

    LivpSizer(FileMapper mapper, ObjectReader reader, Function<String, Link> links) {
        this.mapper = mapper;
        this.reader = reader;
        this.links = links;
    }

    Entry sized(Entry entry, FileItem item) {
        if (!FileMapper.isLivp(item) || mapper.livpStreamSize(item).isPresent()) return entry;
        String key = item.fileId() + "@" + item.updatedAt();
        Long size = measured.get(key);
        if (size == null) {
            size = reader.totalSize(links.apply(item.fileId()).url()).orElse(null);
            if (size == null) return entry;
            measured.put(key, size);
        }
        return new Entry(entry.id(), entry.name(), false, size, entry.modified(), entry.created(), entry.sha1(), entry.contentType(), entry.stored());
    }
}
