package org.capledger.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps every error to an RFC 9457 problem document ({@code application/problem+json}) with a stable
 * {@code code} from {@link ErrorCode}. Validation problems list the offending fields in {@code errors}.
 * Unexpected failures answer 500 with an {@code errorId} that is also logged; no stack trace, SQL or internal
 * message ever reaches the response.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /** A problem for {@code code}, with {@code type}, {@code title}, {@code status}, {@code detail} and {@code code}. */
    public static ProblemDetail problem(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.httpStatus()), detail);
        problem.setType(URI.create("https://capledger.org/problems/" + code.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(code.title());
        problem.setProperty("code", code.name());
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(ErrorCode code, String detail, HttpServletRequest request) {
        ProblemDetail problem = problem(code, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(code.httpStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(CapledgerException.class)
    ResponseEntity<ProblemDetail> refused(CapledgerException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = response(e.code(), e.getMessage(), request);
        e.properties().forEach(response.getBody()::setProperty);
        if (e.code() == ErrorCode.TOO_MANY_REQUESTS) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header("Retry-After", String.valueOf(e.properties().get("retryAfter"))).body(response.getBody());
        }
        if (e.code() == ErrorCode.UNAUTHENTICATED) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header("WWW-Authenticate", "Bearer realm=\"capledger\"").body(response.getBody());
        }
        return response;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = response(ErrorCode.INVALID_PARAMETER,
                "Parameter '" + e.getName() + "' has an invalid value", request);
        response.getBody().setProperty("errors", List.of(fieldError(e.getName(), "invalid value")));
        return response;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", errorId, request.getMethod(), request.getRequestURI(), e);
        ResponseEntity<ProblemDetail> response = response(ErrorCode.INTERNAL_ERROR,
                "An unexpected error occurred; quote errorId " + errorId + " to an administrator", request);
        response.getBody().setProperty("errorId", errorId);
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(fieldError(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(fieldError(error.getObjectName(), error.getDefaultMessage())));
        ProblemDetail problem = problem(ErrorCode.VALIDATION_FAILED, "The request has " + errors.size()
                + " invalid field" + (errors.size() == 1 ? "" : "s"));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(fieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        ProblemDetail problem = problem(ErrorCode.VALIDATION_FAILED, "The request has invalid parameters");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = ex.getCause();
        ProblemDetail problem;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimit.TooLarge) {
                problem = problem(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large");
                return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            problem = problem(ErrorCode.UNKNOWN_FIELD, "Unknown field '" + path(unknown) + "'");
            problem.setProperty("errors", List.of(fieldError(path(unknown), "unknown field")));
        } else if (cause instanceof DatabindException databind && databind.getCause() instanceof CapledgerException refused) {
            problem = problem(ErrorCode.VALIDATION_FAILED, refused.getMessage());
            problem.setProperty("errors", List.of(fieldError(path(databind), refused.getMessage())));
        } else if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            problem = problem(ErrorCode.VALIDATION_FAILED, "Field '" + path(databind) + "' has an invalid value");
            problem.setProperty("errors", List.of(fieldError(path(databind), "invalid value")));
        } else if (cause instanceof JacksonException) {
            problem = problem(ErrorCode.MALFORMED_REQUEST, "The request body is not valid JSON");
        } else {
            problem = problem(ErrorCode.MALFORMED_REQUEST, "The request body is missing or unreadable");
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Gives framework-produced problems (404, 405, 406, 413, 415, ...) a {@code code} and a stable title too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p : null;
        if (problem == null || problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            ErrorCode code = codeFor(statusCode);
            problem = problem(code, problem != null && problem.getDetail() != null ? problem.getDetail() : code.title());
        }
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(out).body(problem);
    }

    private static ErrorCode codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status.is4xxClientError() ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Map<String, String> fieldError(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }
}
