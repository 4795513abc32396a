package org.alidav.server.guard;

import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/** A response whose writes are timed by a {@link Pace}: each write is a wait until the client took it. */
final class PacedResponse extends Response.Wrapper {
    private final Pace pace;

    PacedResponse(Request request, Response response, Pace pace) {
        super(request, response);
        this.pace = pace;
    }

    Pace pace() {
        return pace;
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback callback) {
        pace.sending(content == null ? 0 : content.remaining());
        pace.waitStarted(NanoTime.now());
        super.write(last, content, new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                pace.waitEnded(NanoTime.now());
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                pace.waitEnded(NanoTime.now());
                super.failed(x);
            }
        });
    }
}
