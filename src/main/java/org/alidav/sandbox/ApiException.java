package org.alidav.sandbox;

import java.util.Map;

/** An Open API error answer: HTTP status plus the JSON {@code code}/{@code message}. */
final class ApiException extends RuntimeException {
    final int status;
    final String code;
    final Map<String, String> headers;

    ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    ApiException(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = headers;
    }

    static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    static ApiException notFoundFile(String fileId) {
        return new ApiException(404, "NotFound.FileId", "The resource file_id cannot be found. file_id: " + fileId);
    }

    static ApiException missing(String field) {
        return badRequest("InvalidParameter", "The input parameter " + field + " is not valid. " + field + " is required");
    }
}
