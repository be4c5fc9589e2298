package nl.veerkracht.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.UnauthorizedException;
import nl.veerkracht.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * Failures on pages: the error page in the layout with the right status, or JSON when the page's
 * script asked for JSON (uploads, progress).
 */
@ControllerAdvice(annotations = WebPage.class)
public class PageExceptionHandler {

  private final MessageSource messages;
  private final CurrentUser currentUser;

  public PageExceptionHandler(MessageSource messages, CurrentUser currentUser) {
    this.messages = messages;
    this.currentUser = currentUser;
  }

  /** A statement of this page's request ran past its limit: nothing changed, try again (503). */
  @ExceptionHandler(org.springframework.dao.DataAccessException.class)
  public ModelAndView database(
      org.springframework.dao.DataAccessException e,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!nl.veerkracht.database.RequestBoundedJdbcTemplate.isTimeout(e)) {
      throw e;
    }
    response.setHeader("Retry-After", "5");
    return render(
        HttpStatus.SERVICE_UNAVAILABLE,
        messages.getMessage("error.503", null, LocaleContextHolder.getLocale()),
        request,
        response);
  }

  @ExceptionHandler(NotFoundException.class)
  public ModelAndView notFound(
      NotFoundException e, HttpServletRequest request, HttpServletResponse response) {
    return render(
        HttpStatus.NOT_FOUND, e.message(LocaleContextHolder.getLocale()), request, response);
  }

  @ExceptionHandler(ForbiddenException.class)
  public ModelAndView forbidden(
      ForbiddenException e, HttpServletRequest request, HttpServletResponse response) {
    return render(
        HttpStatus.FORBIDDEN, e.message(LocaleContextHolder.getLocale()), request, response);
  }

  @ExceptionHandler(UnauthorizedException.class)
  public ModelAndView unauthorized(
      UnauthorizedException e, HttpServletRequest request, HttpServletResponse response) {
    return render(
        HttpStatus.UNAUTHORIZED, e.message(LocaleContextHolder.getLocale()), request, response);
  }

  @ExceptionHandler(BadRequestException.class)
  public ModelAndView badRequest(
      BadRequestException e, HttpServletRequest request, HttpServletResponse response) {
    return render(
        HttpStatus.BAD_REQUEST, e.message(LocaleContextHolder.getLocale()), request, response);
  }

  private ModelAndView render(
      HttpStatus status, String message, HttpServletRequest request, HttpServletResponse response) {
    response.setStatus(status.value());
    String accept = request.getHeader("Accept");
    if (accept != null && accept.contains("application/json")) {
      ModelAndView json = new ModelAndView(new JacksonJsonView());
      json.addObject("status", status.value());
      json.addObject("message", message);
      return json;
    }
    ModelAndView mav = new ModelAndView("error");
    mav.addObject("page", PageAdvice.build(request, messages, currentUser));
    mav.addObject("status", status.value());
    return mav;
  }
}
