package de.stadtretter.kit.web.guard;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Remembers whether anything wrote a body, so that an error status set without one (the actuator's 404 for an
 * unknown health group, a 406 for an unparsable {@code Accept}) can still get its problem+json.
 */
final class ErrorBodyResponse extends HttpServletResponseWrapper {

    private boolean bodyStarted;

    ErrorBodyResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        bodyStarted = true;
        return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        bodyStarted = true;
        return super.getWriter();
    }

    boolean needsProblemBody() {
        return !bodyStarted && !isCommitted() && getStatus() >= 400;
    }
}
