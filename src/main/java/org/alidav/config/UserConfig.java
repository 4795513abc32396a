package org.alidav.config;

/**
 * One entry of {@code users:}.
 *
 * @param passwordSpec a {@link PasswordHasher} hash ({@code pbkdf2:...}) or, discouraged, the plain password;
 *                     check a login with {@link PasswordHasher#verify(char[], String)}
 * @param readOnly     this user may not write, even when the server may
 */
public record UserConfig(String name, String passwordSpec, boolean readOnly) {
    @Override
    public String toString() {
        return "UserConfig[name=" + name + ", readOnly=" + readOnly + "]"; // keeps the password out of logs
    }
}
