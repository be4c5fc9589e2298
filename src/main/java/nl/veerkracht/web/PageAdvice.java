package nl.veerkracht.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import nl.veerkracht.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Gives every page controller's model a {@link Page} under the name {@code page}. */
@ControllerAdvice(annotations = WebPage.class)
public class PageAdvice {

  private final MessageSource messages;
  private final CurrentUser currentUser;

  public PageAdvice(MessageSource messages, CurrentUser currentUser) {
    this.messages = messages;
    this.currentUser = currentUser;
  }

  @ModelAttribute("page")
  public Page page(HttpServletRequest request) {
    return build(request, messages, currentUser);
  }

  static Page build(HttpServletRequest request, MessageSource messages, CurrentUser currentUser) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String username = currentUser.findUsername().orElse(null);
    return new Page(
        messages,
        RequestContextUtils.getLocale(request),
        csrf == null ? "" : csrf.getToken(),
        csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName(),
        csrf == null ? "_csrf" : csrf.getParameterName(),
        username,
        currentUser.isAdministrator(),
        currentUser.isPublicDataWriter(),
        username == null ? List.of() : currentUser.memberships(),
        request.getRequestURI(),
        request.getQueryString());
  }
}
