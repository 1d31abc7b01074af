package org.capledger.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.platform.web.ProblemResponses;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problems. The 401 body is the same whatever was wrong with the credentials (missing,
 * malformed, expired, revoked, wrongly signed), so a caller learns nothing about why; RFC 6750 section 3 asks
 * for the {@code WWW-Authenticate: Bearer} challenge.
 */
public class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    public ProblemAuthenticationHandlers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException authException) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"capledger\"");
        write(request, response, ErrorCode.UNAUTHENTICATED, "A valid access token is required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException accessDeniedException) throws IOException {
        write(request, response, ErrorCode.FORBIDDEN, "This account may not do this");
    }

    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, CapledgerException tooMany)
            throws IOException {
        response.setHeader("Retry-After", String.valueOf(tooMany.properties().get("retryAfter")));
        write(request, response, ErrorCode.TOO_MANY_REQUESTS, tooMany.getMessage());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        ProblemDetail problem = ProblemResponses.problem(code, detail);
        Map<String, Object> body = new LinkedHashMap<>();
        // the member order of Spring's ProblemDetail serialization, so both paths give identical bodies
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        body.put("status", problem.getStatus());
        body.put("title", problem.getTitle());
        body.put("type", problem.getType().toString());
        body.put("code", code.name());
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
