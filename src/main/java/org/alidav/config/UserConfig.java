package org.alidav.config;

import java.util.List;

/**
 * One entry of {@code users:}.
 *
 * @param passwordSpec a {@link PasswordHasher} hash ({@code pbkdf2:...}) or, discouraged, the plain password;
 *                     check a login with {@link PasswordHasher#verify(char[], String)}
 * @param readOnly     this user may not write, even when the server may
 * @param admin        this user may use the operator endpoints ({@code /-/health}, {@code /-/metrics},
 *                     {@code /-/cache/drop})
 * @param mounts       the storage mounts this user sees ({@code users[].mounts}, normalised like
 *                     {@code storages[].mount}); empty when the key is absent: every mount
 */
public record UserConfig(String name, String passwordSpec, boolean readOnly, boolean admin, List<String> mounts) {
    public UserConfig {
        mounts = List.copyOf(mounts);
    }

    public UserConfig(String name, String passwordSpec, boolean readOnly) {
        this(name, passwordSpec, readOnly, false, List.of());
    }

    public UserConfig(String name, String passwordSpec, boolean readOnly, boolean admin) {
        this(name, passwordSpec, readOnly, admin, List.of());
    }

    @Override
    public String toString() {
        return "UserConfig[name=" + name + ", readOnly=" + readOnly + ", admin=" + admin + ", mounts=" + mounts + "]"; // keeps the password out of logs
    }
}
