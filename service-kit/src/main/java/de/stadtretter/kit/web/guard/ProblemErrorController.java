package de.stadtretter.kit.web.guard;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.kit.web.ProblemResponses;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Replaces Spring Boot's error controller: whatever ends in the servlet container's error dispatch (a
 * {@code sendError} from a filter or from Tomcat) is answered as problem+json with the status it had, never with
 * the exception's message. Called directly, it is a 404 (the guard filter answers that before it gets here).
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    @RequestMapping
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null || status.value() < 400) {
            status = HttpStatus.NOT_FOUND;
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(standardProblem(status));
    }

    /** The problem for a status when nothing more specific is known. */
    public static ProblemDetail standardProblem(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> ProblemResponses.problem(status, "not-found", "Not found",
                    "There is nothing at this path.");
            case METHOD_NOT_ALLOWED -> ProblemResponses.problem(status, "method-not-allowed", "Method not allowed",
                    "This path does not support the request method.");
            case CONTENT_TOO_LARGE -> ProblemResponses.problem(status, "payload-too-large",
                    "Request body too large", "The request body is larger than this service accepts.");
            case URI_TOO_LONG -> ProblemResponses.problem(status, "uri-too-long", "URI too long",
                    "The request URI is longer than this service accepts.");
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> ProblemResponses.problem(status, "headers-too-large",
                    "Request headers too large", "The request has too many or too large headers.");
            case UNAUTHORIZED -> ProblemResponses.problem(status, "unauthenticated", "Authentication required",
                    "A valid bearer token is required for this request.");
            case FORBIDDEN -> ProblemResponses.problem(status, "forbidden", "Forbidden",
                    "You are not allowed to do this.");
            case SERVICE_UNAVAILABLE -> ProblemResponses.problem(status, "unavailable", "Service unavailable",
                    "The service is not available right now; please try again later.");
            default -> status.is4xxClientError()
                    ? ProblemResponses.problem(status, "malformed-request", status.getReasonPhrase(),
                            "The request cannot be processed as sent.")
                    : ProblemResponses.problem(status, "internal", "Internal error",
                            "An unexpected error occurred. It has been logged; please try again later.");
        };
    }
}
