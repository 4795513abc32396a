package org.alidav.aliyun;

import java.io.IOException;
import org.alidav.drive.DriveException;

/** Carries a typed driver error through OkHttp's interceptor chain, which only passes IOExceptions. */
final class DriveIOException extends IOException {
    final DriveException error;

    DriveIOException(DriveException error) {
        super(error.getMessage(), error);
        this.error = error;
    }
}
