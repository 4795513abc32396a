package org.alidav.config;

/** A command line that cannot be parsed; the message is one line that ends with a hint to --help. */
public final class UsageException extends RuntimeException {
    public UsageException(String problem) {
        super(problem + " (see --help)");
    }
}
