package de.stadtretter.kit.web.guard;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on errors that never reached the application (a malformed URI, too many headers, an
 * encoded slash): problem+json instead of Tomcat's HTML page, with no server name, message or stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final JsonMapper jsonMapper;

    public ProblemErrorReportValve(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        ProblemDetail problem = ProblemErrorController.standardProblem(
                status == null ? HttpStatus.BAD_REQUEST : status);
        problem.setStatus(code);
        try {
            byte[] body = jsonMapper.writeValueAsBytes(problem);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already closed: nothing more to say
        }
    }
}
