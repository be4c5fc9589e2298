package nl.veerkracht.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The error page: JSON for {@code /api}, a page in the layout otherwise; never a stack trace. */
@Controller
@WebPage
public class ErrorPageController implements ErrorController {

  @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
  public String page(HttpServletRequest request, HttpServletResponse response, Model model) {
    int status = status(request);
    response.setStatus(status);
    model.addAttribute("status", status);
    return "error";
  }

  @RequestMapping("/error")
  @ResponseBody
  public ResponseEntity<Map<String, Object>> json(HttpServletRequest request) {
    HttpStatus status = HttpStatus.resolve(status(request));
    if (status == null) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    String message =
        switch (status) {
          case NOT_FOUND -> "No such path";
          case FORBIDDEN -> "You have no access to this";
          case UNAUTHORIZED -> "Authentication required";
          case CONTENT_TOO_LARGE -> "The upload is larger than the limit; nothing was imported.";
          default ->
              status.is4xxClientError()
                  ? status.getReasonPhrase()
                  : "Something went wrong on the server";
        };
    return ApiExceptionHandler.body(status, message);
  }

  private static int status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return code instanceof Integer i ? i : 500;
  }
}
