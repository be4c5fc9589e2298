package nl.veerkracht.web;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.ConflictException;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.TooManyRequestsException;
import nl.veerkracht.common.UnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns failures of API calls into JSON with a message a user can act on; never a stack trace. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("error", status.getReasonPhrase());
    body.put("message", message);
    return ResponseEntity.status(status).body(body);
  }

  /**
   * The language of an error: the one the person chose (cookie or {@code lang}), else the one the
   * request asks for ({@code Accept-Language}: English for "en", Dutch otherwise, as a phone in the
   * room sends), else English, as the API always answered scripts.
   */
  static java.util.Locale readerLocale() {
    var attributes =
        org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
    return attributes
            instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
        ? WebConfiguration.readerLocale(servlet.getRequest())
        : java.util.Locale.ENGLISH;
  }

  @ExceptionHandler(BadRequestException.class)
  public ResponseEntity<Map<String, Object>> badRequest(BadRequestException e) {
    return body(HttpStatus.BAD_REQUEST, e.message(readerLocale()));
  }

  @ExceptionHandler(NotFoundException.class)
  public ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
    return body(HttpStatus.NOT_FOUND, e.message(readerLocale()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  public ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e) {
    return body(HttpStatus.NOT_FOUND, "No such path");
  }

  @ExceptionHandler(ForbiddenException.class)
  public ResponseEntity<Map<String, Object>> forbidden(ForbiddenException e) {
    return body(HttpStatus.FORBIDDEN, e.message(readerLocale()));
  }

  @ExceptionHandler(UnauthorizedException.class)
  public ResponseEntity<Map<String, Object>> unauthorized(UnauthorizedException e) {
    return body(HttpStatus.UNAUTHORIZED, e.message(readerLocale()));
  }

  @ExceptionHandler(ConflictException.class)
  public ResponseEntity<Map<String, Object>> conflict(ConflictException e) {
    return body(HttpStatus.CONFLICT, e.message(readerLocale()));
  }

  @ExceptionHandler(TooManyRequestsException.class)
  public ResponseEntity<Map<String, Object>> tooMany(TooManyRequestsException e) {
    return body(HttpStatus.TOO_MANY_REQUESTS, e.message(readerLocale()));
  }

  @ExceptionHandler(MultipartException.class)
  public ResponseEntity<Map<String, Object>> multipart(MultipartException e) {
    return body(
        HttpStatus.BAD_REQUEST, "Send the file as multipart/form-data in the field 'file'.");
  }

  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  public ResponseEntity<Map<String, Object>> parameter(Exception e) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  public ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return body(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
  }

  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  public ResponseEntity<Map<String, Object>> unreadable(Exception e) {
    return body(
        HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape.");
  }

  /** The client went away while the answer was written (a page left, a map closed): no error. */
  @ExceptionHandler(
      org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
  public void clientGone(Exception e) {
    log.debug("The client closed the connection: {}", e.getMessage());
  }

  /**
   * A statement of this request ran past its limit ({@code RequestBoundedJdbcTemplate}): the
   * transaction rolled back, so nothing changed; 503, try again.
   */
  @ExceptionHandler(org.springframework.dao.DataAccessException.class)
  public ResponseEntity<Map<String, Object>> database(org.springframework.dao.DataAccessException e)
      throws Exception {
    if (!nl.veerkracht.database.RequestBoundedJdbcTemplate.isTimeout(e)) {
      return unexpected(e);
    }
    log.warn("A request's statement ran too long and was cancelled: {}", e.getMessage());
    ResponseEntity<Map<String, Object>> answer =
        body(
            HttpStatus.SERVICE_UNAVAILABLE,
            nl.veerkracht.common.Text.msg("request.timeout", "seconds", timeoutSeconds())
                .in(readerLocale()));
    return ResponseEntity.status(answer.getStatusCode())
        .header("Retry-After", "5")
        .body(answer.getBody());
  }

  private int timeoutSeconds() {
    return jdbcTemplate.getIfAvailable()
            instanceof nl.veerkracht.database.RequestBoundedJdbcTemplate b
        ? b.seconds()
        : 30;
  }

  private final org.springframework.beans.factory.ObjectProvider<
          org.springframework.jdbc.core.JdbcTemplate>
      jdbcTemplate;

  public ApiExceptionHandler(
      org.springframework.beans.factory.ObjectProvider<org.springframework.jdbc.core.JdbcTemplate>
          jdbcTemplate) {
    this.jdbcTemplate = jdbcTemplate;
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<Map<String, Object>> unexpected(Exception e) throws Exception {
    if (e instanceof org.springframework.security.access.AccessDeniedException
        || e instanceof org.springframework.security.core.AuthenticationException) {
      throw e; // Spring Security answers these (401/403)
    }
    if (e instanceof org.springframework.web.ErrorResponse r
        && r.getStatusCode().is4xxClientError()) {
      // what the framework refuses before our code runs: a body of another media type, a
      // missing part, an unacceptable Accept header
      return body(HttpStatus.valueOf(r.getStatusCode().value()), r.getBody().getDetail());
    }
    log.error("Unexpected error in an API call", e);
    return body(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Something went wrong on the server; it has been logged.");
  }
}
