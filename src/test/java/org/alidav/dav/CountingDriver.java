package org.alidav.dav;

import java.io.InputStream;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.alidav.drive.ByteRange;
import org.alidav.drive.Copier;
import org.alidav.drive.Driver;
import org.alidav.drive.Entry;
import org.alidav.drive.Features;
import org.alidav.drive.Features.Capability;
import org.alidav.drive.ModTimeSetter;
import org.alidav.drive.Quota;
import org.alidav.drive.QuotaReporter;
import org.alidav.drive.Upload;
import org.alidav.drive.local.LocalDriver;

/** A local driver that records every call as "method name", to prove what never reaches a driver. */
public final class CountingDriver implements Driver, Copier, ModTimeSetter, QuotaReporter {
    private final LocalDriver local;
    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** When set, reported instead of the disk's real space. */
    public volatile Quota quota;

    public CountingDriver(LocalDriver local) {
        this.local = local;
    }

    /** The local driver's properties, with the abilities this wrapper passes on. */
    @Override
    public Features features() {
        Features f = local.features();
        return new Features(EnumSet.of(Capability.COPY, Capability.SET_MOD_TIME, Capability.QUOTA), f.hashes(), f.modTimePrecision(),
                f.duplicateNames());
    }

    @Override
    public Entry root() {
        return local.root();
    }

    @Override
    public List<Entry> list(Entry folder) {
        calls.add("list " + folder.name());
        return local.list(folder);
    }

    @Override
    public Entry mkdir(Entry parent, String name) {
        calls.add("mkdir " + name);
        return local.mkdir(parent, name);
    }

    @Override
    public Entry put(Entry parent, String name, Upload upload) {
        calls.add("put " + name);
        return local.put(parent, name, upload);
    }

    @Override
    public Entry move(Entry entry, Entry fromParent, Entry newParent, String newName) {
        calls.add("move " + entry.name());
        return local.move(entry, fromParent, newParent, newName);
    }

    @Override
    public void remove(Entry entry) {
        calls.add("remove " + entry.name());
        local.remove(entry);
    }

    @Override
    public InputStream open(Entry file, ByteRange range) {
        calls.add("open " + file.name());
        return local.open(file, range);
    }

    @Override
    public Entry copy(Entry entry, Entry newParent, String newName) {
        calls.add("copy " + entry.name());
        return local.copy(entry, newParent, newName);
    }

    @Override
    public Entry setModified(Entry entry, Instant modified) {
        calls.add("setModified " + entry.name());
        return local.setModified(entry, modified);
    }

    @Override
    public Quota quota() {
        calls.add("quota");
        return quota != null ? quota : local.quota();
    }
}
