package org.alidav.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An {@link Authenticator} over a fixed list of users, each with its own password check (the config
 * layer plugs in its PBKDF2 verifier). An unknown user still costs one password check.
 */
public final class UserDirectory implements Authenticator {

    /**
     * @param name     user name
     * @param password checks a candidate password, in constant time
     * @param readOnly true when the user may not write
     * @param admin    true when the user may use the operator endpoints under {@code /-/}
     */
    public record User(String name, Predicate<String> password, boolean readOnly, boolean admin) {
        public User(String name, Predicate<String> password, boolean readOnly) {
            this(name, password, readOnly, false);
        }
    }

    private final Map<String, User> users = new LinkedHashMap<>();
    private final User decoy = new User("", plainPassword("\u0000decoy\u0000"), true);

    public UserDirectory(List<User> users) {
        users.forEach(u -> this.users.put(u.name(), u));
    }

    @Override
    public Optional<Principal> authenticate(String user, String password) {
        User u = users.get(user);
        boolean ok = (u != null ? u : decoy).password().test(password);
        return ok && u != null ? Optional.of(new Principal(u.name(), u.readOnly(), u.admin())) : Optional.empty();
    }

    /** A constant-time check against a password kept in memory (tests, simple setups). */
    public static Predicate<String> plainPassword(String expected) {
        byte[] want = expected.getBytes(StandardCharsets.UTF_8);
        return candidate -> MessageDigest.isEqual(want, candidate.getBytes(StandardCharsets.UTF_8));
    }
}
