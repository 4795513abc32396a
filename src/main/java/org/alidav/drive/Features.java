package org.alidav.drive;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What a driver can do beyond the {@link Driver} SPI, and the properties of its backend, declared once
 * by the driver ({@link Driver#features()}). The op layer and the DAV layer ask this instead of testing
 * for the optional interfaces, and the conformance suite skips the tests of what a driver lacks.
 *
 * @param capabilities      the optional interfaces the driver implements and offers
 * @param hashes            the hashes a listing carries for files ({@link Entry#sha1()}; a file the
 *                          backend does not hash, such as a live photo, may lack it); empty when
 *                          listed entries come without one
 * @param modTimePrecision  the finest step a stored modification time keeps
 * @param duplicateNames    true when the backend can hold two items of one name in a folder (made by
 *                          other clients: the op layer never makes one)
 */
public record Features(Set<Capability> capabilities, Set<HashType> hashes, Duration modTimePrecision, boolean duplicateNames) {

    /** A hash a backend keeps of a file's content. */
    public enum HashType {
        SHA1
    }

    /**
     * An optional ability and the interface that carries its methods. MOVE is no capability: every
     * driver moves and renames on its backend ({@link Driver#move}).
     */
    public enum Capability {
        /** Copies on the backend; without it the op layer copies by reading and writing. */
        COPY(Copier.class),
        /** Moves or copies over an existing item with no moment where the name is empty. */
        REPLACE(Replacer.class),
        /** Copies items of another driver on the same store by their ids. */
        CROSS_COPY(CrossCopier.class),
        /** A signed URL per file, which a 302 can send clients to. */
        LINKS(Linker.class),
        /** The space used and available. */
        QUOTA(QuotaReporter.class),
        /** A modification time changed after the write (PROPPATCH); every driver keeps the time given with a PUT. */
        SET_MOD_TIME(ModTimeSetter.class),
        /** A few bytes read with a request for just them. */
        EXACT_READS(ExactReader.class),
        /** Sizes some files are served with learned only on a read. */
        LAZY_SIZES(LazySizes.class),
        /** The state of the credentials, for the health report. */
        TOKEN_HEALTH(HealthReporter.class),
        /** Work finished outside requests (interrupted writes, leftovers). */
        MAINTENANCE(Maintained.class);

        private final Class<?> carrier;

        Capability(Class<?> carrier) {
            this.carrier = carrier;
        }

        /** The optional interface whose methods the capability is used through. */
        public Class<?> carrier() {
            return carrier;
        }
    }

    public Features {
        capabilities = Set.copyOf(capabilities);
        hashes = Set.copyOf(hashes);
        Objects.requireNonNull(modTimePrecision, "modTimePrecision");
        if (modTimePrecision.isNegative() || modTimePrecision.isZero()) {
            throw new IllegalArgumentException("modTimePrecision must be positive: " + modTimePrecision);
        }
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    /** True when listings carry this hash for files. */
    public boolean lists(HashType type) {
        return hashes.contains(type);
    }

    /**
     * Fails when {@code driver} declares a capability whose interface it does not implement: the op
     * layer casts to that interface once the features say it is there, so a driver is refused at
     * startup rather than on its first request.
     */
    public void checkImplementedBy(Driver driver) {
        for (Capability c : capabilities) {
            if (!c.carrier().isInstance(driver)) {
                throw new IllegalStateException(driver.getClass().getSimpleName() + " declares " + c
                        + " but does not implement " + c.carrier().getSimpleName());
            }
        }
    }
}
