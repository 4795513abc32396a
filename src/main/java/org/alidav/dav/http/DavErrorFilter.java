package org.alidav.dav.http;

import io.milton.http.Filter;
import io.milton.http.FilterChain;
import io.milton.http.Handler;
import io.milton.http.HttpManager;
import io.milton.http.Request;
import io.milton.http.Response;
import io.milton.http.exceptions.BadRequestException;
import io.milton.http.exceptions.ConflictException;
import io.milton.http.exceptions.NotAuthorizedException;
import io.milton.http.exceptions.NotFoundException;
import io.milton.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import org.alidav.drive.DriveException;
import org.alidav.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Milton's StandardFilter (the last filter, which runs the method handler): same dispatch,
 * but every failure becomes a clear status with one log line. Driver errors go through
 * {@link ErrorResponses#drive}; a client that went away is logged, not answered; only a bug in this
 * server is a 500 (with its stack trace in the log, never in the response).
 */
public final class DavErrorFilter implements Filter {
    private static final Logger log = LoggerFactory.getLogger(DavErrorFilter.class);

    @Override
    public void process(FilterChain chain, Request request, Response response) {
        HttpManager manager = chain.getHttpManager();
        HttpServletResponse resp = ServletResponse.getResponse();
        String what = LogText.escape(request.getMethod() + " " + request.getAbsolutePath());
        try {
            Handler handler = manager.getMethodHandler(request.getMethod());
            if (handler == null) {
                ErrorResponses.status(resp, HttpServletResponse.SC_NOT_IMPLEMENTED, "method not implemented");
                return;
            }
            handler.process(manager, request, response);
            OverwriteStatus.apply(request, response);
            if (response.getEntity() != null) manager.sendResponseEntity(response);
        } catch (DriveException e) {
            ErrorResponses.drive(io.milton.servlet.ServletRequest.getRequest(), resp, request.getMethod() + " " + request.getAbsolutePath(), e);
        } catch (DavStatusException e) {
            log.info("{}: {}", what, LogText.escape(e.getMessage()));
            ErrorResponses.status(resp, e.status(), e.getMessage());
        } catch (BadRequestException e) {
            log.info("{}: bad request: {}", what, LogText.escape(e.getReason()));
            ErrorResponses.status(resp, HttpServletResponse.SC_BAD_REQUEST, e.getReason());
        } catch (ConflictException e) {
            log.info("{}: conflict", what);
            ErrorResponses.status(resp, HttpServletResponse.SC_CONFLICT, "conflict");
        } catch (NotAuthorizedException e) {
            ErrorResponses.status(resp, HttpServletResponse.SC_FORBIDDEN, "forbidden");
        } catch (NotFoundException e) {
            ErrorResponses.status(resp, HttpServletResponse.SC_NOT_FOUND, "not found");
        } catch (ShutdownCutOff e) {
            // logged where the body broke off; the status is for the access log, the connection is closing
            ErrorResponses.status(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the server is shutting down");
        } catch (UncheckedIOException e) {
            log.info("{}: connection to the client failed: {}", what, LogText.escape(e.getCause()));
            // the server's minimum body rate ends a read with SocketTimeoutException
            if (e.getCause() instanceof SocketTimeoutException) {
                ErrorResponses.status(resp, HttpServletResponse.SC_REQUEST_TIMEOUT, "request body too slow");
            } else {
                ErrorResponses.status(resp, HttpServletResponse.SC_BAD_REQUEST, "incomplete request");
            }
        } catch (Exception e) {
            if (isClientGone(e)) {
                log.info("{}: connection to the client failed: {}", what, LogText.escape(e));
                return;
            }
            log.error("{}: internal error", what, e);
            ErrorResponses.status(resp, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal server error");
        } finally {
            manager.closeResponse(response);
        }
    }

    private static boolean isClientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) return true;
        }
        return false;
    }
}
