package nl.veerkracht.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the limit fails while the request is parsed, before any controller is chosen, so
 * this advice applies everywhere: it answers 413 with a message for pages and API alike.
 */
@RestControllerAdvice
public class UploadLimitAdvice {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  public ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    return ApiExceptionHandler.body(
        HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than the limit; nothing was imported.");
  }
}
