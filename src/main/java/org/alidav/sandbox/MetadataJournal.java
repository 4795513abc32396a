package org.alidav.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tree persistence: a snapshot ({@code tree.snapshot}, one node per JSON line) plus an append-only
 * journal of changes since. Each mutation costs one appended line, so 10,000-entry folders stay cheap;
 * the journal is folded into a fresh snapshot at open and close.
 */
final class MetadataJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataJournal.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(FileNode put, String del) {
    }

    private final Path snapshot;
    private final Path journal;
    private BufferedWriter out;

    MetadataJournal(Path dir) {
        this.snapshot = dir.resolve("tree.snapshot");
        this.journal = dir.resolve("tree.journal");
    }

    /** Reads snapshot + journal, writes them back as one snapshot and opens a fresh journal. */
    Map<String, FileNode> load() {
        Map<String, FileNode> nodes = new LinkedHashMap<>();
        replay(snapshot, nodes);
        replay(journal, nodes);
        compact(nodes.values());
        return nodes;
    }

    synchronized void put(FileNode node) {
        append(new Entry(node, null));
    }

    synchronized void delete(String fileId) {
        append(new Entry(null, fileId));
    }

    synchronized void compact(Collection<FileNode> nodes) {
        try {
            closeWriter();
            Path tmp = snapshot.resolveSibling("tree.snapshot.tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (FileNode n : nodes) {
                    w.write(Json.MAPPER.writeValueAsString(new Entry(n, null)));
                    w.newLine();
                }
            }
            Files.move(tmp, snapshot, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out = Files.newBufferedWriter(journal, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tree snapshot", e);
        }
    }

    @Override
    public synchronized void close() {
        closeWriter();
    }

    private void append(Entry e) {
        try {
            out.write(Json.MAPPER.writeValueAsString(e));
            out.newLine();
            out.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot append to tree journal", ex);
        }
    }

    private void replay(Path file, Map<String, FileNode> nodes) {
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Entry e;
                try {
                    e = Json.MAPPER.readValue(line, Entry.class);
                } catch (IOException torn) {
                    LOG.warn("ignoring a torn line at the end of {}", file.getFileName());
                    break;
                }
                if (e.put() != null) {
                    nodes.put(e.put().fileId(), e.put());
                } else if (e.del() != null) {
                    nodes.remove(e.del());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void closeWriter() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("closing tree journal failed", e);
            }
            out = null;
        }
    }
}
