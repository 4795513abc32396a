package org.alidav.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.alidav.dav.mount.MountScope;

/**
 * An {@link Authenticator} over a fixed list of users, each with its own password check (the config
 * layer plugs in its PBKDF2 verifier). An unknown user costs one check of the decoy, as long as a real one.
 */
public final class UserDirectory implements Authenticator {

    /**
     * @param name     user name
     * @param password checks a candidate password, in constant time
     * @param readOnly true when the user may not write
     * @param admin    true when the user may use the operator endpoints under {@code /-/}
     * @param mounts   the mounts the user sees
     */
    public record User(String name, Predicate<String> password, boolean readOnly, boolean admin, MountScope mounts) {
        public User(String name, Predicate<String> password, boolean readOnly) {
            this(name, password, readOnly, false, MountScope.ALL);
        }

        public User(String name, Predicate<String> password, boolean readOnly, boolean admin) {
            this(name, password, readOnly, admin, MountScope.ALL);
        }
    }

    private final Map<String, User> users = new LinkedHashMap<>();
    private final Predicate<String> decoy;

    /**
     * @param decoy checked instead of a password when the user name is unknown: it must cost what a
     *              real check costs (the same PBKDF2 parameters), or timing tells which names exist
     */
    public UserDirectory(List<User> users, Predicate<String> decoy) {
        users.forEach(u -> this.users.put(u.name(), u));
        this.decoy = decoy;
    }

    /** For users checked with {@link #plainPassword}: the decoy is a plain password as well. */
    public UserDirectory(List<User> users) {
        this(users, plainPassword(UUID.randomUUID().toString()));
    }

    @Override
    public Optional<Principal> authenticate(String user, String password) {
        User u = users.get(user);
        boolean ok = (u != null ? u.password() : decoy).test(password);
        return ok && u != null ? Optional.of(new Principal(u.name(), u.readOnly(), u.admin(), u.mounts())) : Optional.empty();
    }

    /**
     * A constant-time check against a password kept in memory (tests, simple setups). The candidate
     * goes first: {@link MessageDigest#isEqual} takes as long as its first argument, so the time
     * depends on what the client sent, never on the secret.
     */
    public static Predicate<String> plainPassword(String expected) {
        byte[] want = expected.getBytes(StandardCharsets.UTF_8);
        return candidate -> MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), want);
    }
}
