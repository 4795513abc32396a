package org.alidav.drive;

import static org.alidav.drive.ConformanceData.bytes;
import static org.alidav.drive.ConformanceData.read;
import static org.alidav.drive.ConformanceData.upload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import org.alidav.drive.Features.Capability;
import org.junit.jupiter.api.Test;

/**
 * The SPI called straight, without the op layer's pre-checks and cached listings in front: what a
 * driver must do on its own. Every test works inside {@link #baseFolder()}.
 */
interface DriverContract extends ConformanceFixture {

    private List<String> names(Entry folder) {
        return driver().list(folder).stream().map(Entry::name).sorted().toList();
    }

    private Entry child(Entry folder, String name) {
        return driver().list(folder).stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not listed in " + folder.name()));
    }

    @Test
    default void driverListsWhatItMade() {
        Entry dir = driver().mkdir(baseFolder(), "d");
        Entry file = driver().put(baseFolder(), "f.bin", upload(bytes(3000, 11), null, null));
        assertTrue(dir.folder());
        assertFalse(file.folder());
        assertEquals(3000, file.size());
        assertEquals(List.of("d", "f.bin"), names(baseFolder()));
        assertEquals(file.id(), child(baseFolder(), "f.bin").id());
        assertEquals(3000, child(baseFolder(), "f.bin").size());
        assertTrue(child(baseFolder(), "d").folder());
        assertEquals(List.of(), names(dir));
    }

    @Test
    default void driverRootHoldsTheTestFolder() {
        assertTrue(driver().root().folder());
        assertTrue(driver().list(driver().root()).stream().anyMatch(e -> e.id().equals(baseFolder().id())));
    }

    @Test
    default void driverMkdirOfATakenNameIsAlreadyExists() {
        driver().mkdir(baseFolder(), "d");
        DriveException e = assertThrows(DriveException.class, () -> driver().mkdir(baseFolder(), "d"));
        assertEquals(DriveException.Kind.ALREADY_EXISTS, e.kind());
    }

    @Test
    default void driverOpensWholeFilesAndRanges() throws Exception {
        byte[] content = bytes(200_000, 12);
        Entry f = driver().put(baseFolder(), "r.bin", upload(content, null, null));
        assertArrayEquals(content, read(driver(), f, ByteRange.whole(content.length)));
        assertArrayEquals(Arrays.copyOfRange(content, 70_000, 70_100), read(driver(), f, new ByteRange(70_000, 70_099)));
        assertArrayEquals(Arrays.copyOfRange(content, 199_990, 200_000), read(driver(), f, new ByteRange(199_990, 199_999)));
        assertArrayEquals(new byte[] {content[0]}, read(driver(), f, new ByteRange(0, 0)));
    }

    @Test
    default void driverPutOverAnExistingFileReplacesIt() throws Exception {
        Entry old = driver().put(baseFolder(), "p.bin", upload(bytes(500, 13), null, null));
        byte[] fresh = bytes(800, 14);
        Entry replaced = driver().put(baseFolder(), "p.bin", upload(fresh, null, old));
        assertEquals(List.of("p.bin"), names(baseFolder()), "one item of the name");
        assertEquals(800, child(baseFolder(), "p.bin").size());
        assertArrayEquals(fresh, read(driver(), replaced, ByteRange.whole(fresh.length)));
    }

    @Test
    default void driverMovesRenamesAndMovesFolders() throws Exception {
        byte[] content = bytes(1000, 15);
        Entry f = driver().put(baseFolder(), "a.bin", upload(content, null, null));
        Entry dir = driver().mkdir(baseFolder(), "dir");
        Entry renamed = driver().move(f, baseFolder(), baseFolder(), "b.bin");
        Entry moved = driver().move(renamed, baseFolder(), dir, "c.bin");
        assertEquals(List.of("dir"), names(baseFolder()));
        assertEquals(List.of("c.bin"), names(dir));
        assertArrayEquals(content, read(driver(), moved, ByteRange.whole(content.length)));

        Entry other = driver().mkdir(baseFolder(), "other");
        Entry movedDir = driver().move(dir, baseFolder(), other, "inner");
        assertEquals(List.of("other"), names(baseFolder()));
        assertEquals(List.of("c.bin"), names(movedDir));
    }

    @Test
    default void driverRemovesFilesAndFolderTrees() {
        Entry f = driver().put(baseFolder(), "f", upload(new byte[] {1}, null, null));
        Entry dir = driver().mkdir(baseFolder(), "d");
        driver().put(dir, "g", upload(new byte[] {2}, null, null));
        driver().remove(f);
        driver().remove(dir);
        assertEquals(List.of(), names(baseFolder()));
    }

    @Test
    default void driverCopiesFilesAndFolderTreesOnTheBackend() throws Exception {
        assumeTrue(driver().features().has(Capability.COPY), "the driver declares no COPY: the op layer copies by streaming");
        byte[] content = bytes(4096, 16);
        Entry dir = driver().mkdir(baseFolder(), "tree");
        Entry f = driver().put(dir, "f.bin", upload(content, null, null));
        Entry copy = ((Copier) driver()).copy(f, baseFolder(), "copy.bin");
        Entry treeCopy = ((Copier) driver()).copy(dir, baseFolder(), "tree2");
        assertEquals(List.of("copy.bin", "tree", "tree2"), names(baseFolder()));
        assertArrayEquals(content, read(driver(), copy, ByteRange.whole(content.length)));
        assertArrayEquals(content, read(driver(), child(treeCopy, "f.bin"), ByteRange.whole(content.length)));
        assertArrayEquals(content, read(driver(), f, ByteRange.whole(content.length)), "the source is kept");
    }

    @Test
    default void driverReplacesByMoveAndCopyLeavingOneItem() throws Exception {
        assumeTrue(driver().features().has(Capability.REPLACE), "the driver declares no REPLACE: the op layer removes the target first");
        Replacer replacer = (Replacer) driver();
        byte[] moved = bytes(700, 17);
        Entry target = driver().put(baseFolder(), "t.bin", upload(bytes(300, 18), null, null));
        Entry source = driver().put(baseFolder(), "s.bin", upload(moved, null, null));
        Entry result = replacer.moveOver(source, baseFolder(), baseFolder(), target);
        assertEquals(List.of("t.bin"), names(baseFolder()));
        assertArrayEquals(moved, read(driver(), result, ByteRange.whole(moved.length)));

        assumeTrue(driver().features().has(Capability.COPY), "copyOver is used only with COPY");
        byte[] copied = bytes(900, 19);
        Entry other = driver().put(baseFolder(), "o.bin", upload(copied, null, null));
        Entry copyResult = replacer.copyOver(other, baseFolder(), child(baseFolder(), "t.bin"));
        assertEquals(List.of("o.bin", "t.bin"), names(baseFolder()));
        assertArrayEquals(copied, read(driver(), copyResult, ByteRange.whole(copied.length)));
    }
}
