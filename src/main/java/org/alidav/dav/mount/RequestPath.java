package org.alidav.dav.mount;

import io.milton.http.exceptions.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import org.alidav.drive.DrivePath;

/**
 * A decoded request path as names, each checked before any storage sees it: {@code .}, {@code ..},
 * {@code \}, NUL and over-long names are a 400, so no encoding trick can climb out of a storage.
 */
public final class RequestPath {
    private RequestPath() {
    }

    /** Splits and validates a decoded path; empty segments (doubled or trailing slashes) are skipped. */
    public static List<String> names(String decodedPath) throws BadRequestException {
        List<String> out = new ArrayList<>();
        for (String s : decodedPath.split("/", -1)) {
            if (s.isEmpty()) continue;
            if (!DrivePath.isValidName(s)) throw new BadRequestException("invalid name in path: " + NameCharacters.visible(s) + ": " + DrivePath.NAME_RULE);
            out.add(s);
        }
        return out;
    }
}
