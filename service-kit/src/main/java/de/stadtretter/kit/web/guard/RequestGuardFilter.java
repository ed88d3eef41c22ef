package de.stadtretter.kit.web.guard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import de.stadtretter.kit.web.ApiProblems.FieldProblem;
import de.stadtretter.kit.web.ProblemResponses;
import de.stadtretter.kit.web.text.Texts;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The first thing every request meets, before security and before any handler: it refuses what no endpoint can
 * use, with problem+json and without touching anything.
 * <ul>
 *   <li>A query string or path that is not valid percent-encoded UTF-8, or that holds control characters
 *   (NUL included): 400 naming the parameter.</li>
 *   <li>A body larger than the limit: 413 at once when {@code Content-Length} says so, otherwise as soon as
 *   reading passes the limit ({@link LimitedBodyRequest}).</li>
 *   <li>A form body that cannot be decoded: 400.</li>
 *   <li>The error page called directly ({@code /error}): 404, as for any path that does not exist.</li>
 * </ul>
 * And it makes sure that no error leaves without a problem+json body ({@link ErrorBodyResponse}).
 */
public class RequestGuardFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;
    private final long maxBodyBytes;
    private final String errorPath;

    public RequestGuardFilter(ProblemResponses problems, long maxBodyBytes, String errorPath) {
        this.problems = problems;
        this.maxBodyBytes = maxBodyBytes;
        this.errorPath = errorPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemDetail refused = check(request);
        if (refused != null) {
            problems.write(response, refused);
            return;
        }
        ErrorBodyResponse guarded = new ErrorBodyResponse(response);
        chain.doFilter(new LimitedBodyRequest(request, maxBodyBytes), guarded);
        if (guarded.needsProblemBody() && !request.isAsyncStarted()) {
            HttpStatus status = HttpStatus.resolve(guarded.getStatus());
            ProblemDetail problem = ProblemErrorController.standardProblem(status == null ? HttpStatus.BAD_REQUEST
                    : status);
            problem.setStatus(guarded.getStatus());
            problems.write(response, problem);
        }
    }

    private ProblemDetail check(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri == null || !isCleanPercentEncoding(uri, false)) {
            return badRequest("The request path is not valid: it must be percent-encoded UTF-8 without control "
                    + "characters.", null);
        }
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&", -1)) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                if (!isCleanPercentEncoding(name, true)) {
                    return badRequest("A query parameter name is not valid percent-encoded UTF-8 or holds control "
                            + "characters.", null);
                }
                if (eq >= 0 && !isCleanPercentEncoding(pair.substring(eq + 1), true)) {
                    String shown = decodeOrNull(name, true);
                    return badRequest("The value of query parameter '" + shown + "' is not valid percent-encoded "
                            + "UTF-8 or holds control characters.", shown);
                }
            }
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            return tooLarge(maxBodyBytes);
        }
        if (request.getDispatcherType() == DispatcherType.REQUEST
                && errorPath.equals(request.getRequestURI())) {
            return ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "There is nothing at this path.");
        }
        if (isForm(request)) {
            try {
                for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
                    for (String value : e.getValue()) {
                        if (Texts.hasForbiddenCharacters(value.replace("\n", "").replace("\r", "").replace("\t", ""))) {
                            return badRequest("The value of form field '" + safe(e.getKey())
                                    + "' holds control characters.", safe(e.getKey()));
                        }
                    }
                }
            } catch (RuntimeException e) {
                return badRequest("The form body cannot be read: it must be URL-encoded UTF-8 within the size limit.",
                        null);
            }
        }
        return null;
    }

    /** The 413 problem for a body over {@code maxBytes}, announced or found while reading. */
    public static ProblemDetail tooLarge(long maxBytes) {
        return ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                "The request body is larger than the " + (maxBytes / 1024) + " KB this service accepts.");
    }

    private static ProblemDetail badRequest(String detail, String parameter) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "Malformed request", detail);
        if (parameter != null) {
            problem.setProperty("errors", List.of(new FieldProblem(parameter, "is not valid UTF-8 text")));
        }
        return problem;
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether {@code s} decodes as strict UTF-8 and holds no control characters. */
    static boolean isCleanPercentEncoding(String s, boolean plusIsSpace) {
        return decodeOrNull(s, plusIsSpace) != null;
    }

    /** {@code s} percent-decoded as strict UTF-8, or {@code null} if it is malformed or holds control characters. */
    static String decodeOrNull(String s, boolean plusIsSpace) {
        ByteBuffer bytes = ByteBuffer.allocate(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else if (c > 0x7E || c < 0x20) {
                return null; // raw non-ASCII or control bytes: not a valid URI
            } else {
                bytes.put((byte) (plusIsSpace && c == '+' ? ' ' : c));
            }
        }
        bytes.flip();
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
            return Texts.hasForbiddenCharacters(decoded) ? null : decoded;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String safe(String name) {
        return Texts.hasForbiddenCharacters(name) ? "?" : name;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
