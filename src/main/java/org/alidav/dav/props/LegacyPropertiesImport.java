package org.alidav.dav.props;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start after the upgrade: the properties earlier versions kept in
 * {@code dead-properties.json} ({@code {storage: {path: {"{ns}name": "xml"}}}}) go into the
 * {@link DeadPropertyStore}, then the file is renamed {@code dead-properties.json.imported} so it is
 * read once. The file is streamed, never held whole: it may have grown large. A property over the
 * {@link PropertyLimits} is left out and counted in the log line. Importing again after a crash before
 * the rename writes the same rows again, so it is harmless.
 */
public final class LegacyPropertiesImport {
    public static final String FILE_NAME = "dead-properties.json";
    private static final Logger log = LoggerFactory.getLogger(LegacyPropertiesImport.class);

    private LegacyPropertiesImport() {
    }

    /** Imports {@code <dataDir>/dead-properties.json} when it is there. */
    public static void run(Path dataDir, DeadPropertyStore store) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return;
        int imported = 0;
        int refused = 0;
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            expect(p, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String storage = p.currentName();
                expect(p, JsonToken.START_OBJECT);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String path = p.currentName();
                    expect(p, JsonToken.START_OBJECT);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        QName name = QName.valueOf(p.currentName());
                        expect(p, JsonToken.VALUE_STRING);
                        try {
                            store.apply(storage, path, Map.of(name, p.getText()));
                            imported++;
                        } catch (PropertyLimitExceeded e) {
                            refused++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot import dead properties from " + file, e);
        }
        try {
            Files.move(file, file.resolveSibling(FILE_NAME + ".imported"));
        } catch (IOException e) {
            throw new UncheckedIOException("imported " + file + " but cannot rename it", e);
        }
        log.info("imported {} dead properties from {}{}", imported, FILE_NAME,
                refused == 0 ? "" : "; " + refused + " over the size limits were left out");
    }

    private static void expect(JsonParser p, JsonToken token) throws IOException {
        if (p.nextToken() != token) throw new IOException("unexpected " + p.currentToken() + " at " + p.currentLocation());
    }
}
