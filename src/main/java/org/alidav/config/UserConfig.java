package org.alidav.config;

/**
 * One entry of {@code users:}.
 *
 * @param passwordSpec a {@link PasswordHasher} hash ({@code pbkdf2:...}) or, discouraged, the plain password;
 *                     check a login with {@link PasswordHasher#verify(char[], String)}
 * @param readOnly     this user may not write, even when the server may
 * @param admin        this user may use the operator endpoints ({@code /-/health}, {@code /-/metrics},
 *                     {@code /-/cache/drop})
 */
public record UserConfig(String name, String passwordSpec, boolean readOnly, boolean admin) {
    public UserConfig(String name, String passwordSpec, boolean readOnly) {
        this(name, passwordSpec, readOnly, false);
    }

    @Override
    public String toString() {
        return "UserConfig[name=" + name + ", readOnly=" + readOnly + ", admin=" + admin + "]"; // keeps the password out of logs
    }
}
