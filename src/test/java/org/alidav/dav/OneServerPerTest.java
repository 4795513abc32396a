package org.alidav.dav;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test class whose every test gets a fresh server over one local storage at /, in a folder of its own. */
public abstract class OneServerPerTest {
    @TempDir
    protected Path dir;
    protected DavTestServer dav;
    /** The local storage's folder, to check what a request left on disk. */
    protected Path root;

    @BeforeEach
    void startServer() throws Exception {
        dav = DavTestServer.start(dir);
        root = dav.storageRoot(0);
    }

    @AfterEach
    void stopServer() throws Exception {
        dav.close();
    }
}
