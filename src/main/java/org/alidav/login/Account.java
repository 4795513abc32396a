package org.alidav.login;

import java.util.Map;

/**
 * Who logged in, as {@code user/getDriveInfo} tells it.
 *
 * @param userId   the service's user id
 * @param name     the user's nickname
 * @param driveIds the drive ids the user granted, by kind ({@code default}, {@code resource},
 *                 {@code backup}), in that order
 */
public record Account(String userId, String name, Map<String, String> driveIds) {
    public Account {
        driveIds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(driveIds));
    }
}
