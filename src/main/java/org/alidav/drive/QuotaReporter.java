package org.alidav.drive;

/** A driver that knows how much space its backend has. */
public interface QuotaReporter {
    Quota quota();
}
