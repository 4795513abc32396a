package org.alidav;

import java.util.ArrayList;
import java.util.List;
import org.alidav.drive.DriveException;
import org.alidav.drive.DrivePath;
import org.alidav.drive.Features.Capability;
import org.alidav.drive.HealthReporter;
import org.alidav.drive.cache.Storage;
import org.alidav.drive.cache.StorageHealth;

/**
 * Each cloud storage's credentials tried once at start, so that a refused or unreachable token is
 * reported then and not by the first client. The call is the quota (a root listing where a driver
 * reports none): its answer is cached for the PROPFINDs that follow, so the check costs nothing
 * later. The verdict is read from the storage's health, the same state {@code /-/health} shows.
 */
final class StartupTokenCheck {
    private StartupTokenCheck() {
    }

    /** One line per storage whose token is dead or whose backend could not be reached; none when all is well. */
    static List<String> problems(List<Storage> storages) {
        List<String> problems = new ArrayList<>();
        for (Storage storage : storages) {
            if (!storage.features().has(Capability.TOKEN_HEALTH)) continue; // no credentials to check
            try {
                if (storage.quota().isEmpty()) storage.list(DrivePath.ROOT);
            } catch (DriveException e) {
                // recorded in the storage's health, read below
            }
            StorageHealth.Report health = storage.health();
            if (health.token() == HealthReporter.TokenState.DEAD) {
                problems.add("storage " + storage.name() + ": its refresh token was refused; configure a new refresh_token"
                        + " (it answers 503 until then)");
            } else if (health.failing() || health.token() == HealthReporter.TokenState.FAILING) {
                problems.add("storage " + storage.name() + ": the cloud could not be reached at start ("
                        + (health.lastError() == null ? "token refresh failing" : health.lastError()) + ")");
            }
        }
        return problems;
    }
}
