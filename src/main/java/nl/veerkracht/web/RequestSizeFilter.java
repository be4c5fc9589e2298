package nl.veerkracht.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body that is not a file upload: a JSON or form body over {@value #MAX_BYTES}
 * bytes is refused with 413 before it is read (by its Content-Length), or as soon as a body without
 * one passes the limit. Uploads ({@code multipart/form-data}) have their own limit ({@code
 * veerkracht.imports.max-upload-bytes}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeFilter extends OncePerRequestFilter {

  /** The largest JSON or form body any endpoint needs (a beheerplan with its texts is ~100 kB). */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > MAX_BYTES) {
      tooLarge(request, response);
      return;
    }
    chain.doFilter(new Bounded(request), response);
  }

  private static void tooLarge(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String message =
        nl.veerkracht.common.Text.msg("request.tooLarge", "mb", MAX_BYTES / (1024 * 1024))
            .in(WebConfiguration.readerLocale(request));
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setContentType("application/json;charset=UTF-8");
    response
        .getWriter()
        .write(
            "{\"status\":413,\"error\":\"Payload Too Large\",\"message\":\""
                + message.replace("\"", "'")
                + "\",\"limitBytes\":"
                + MAX_BYTES
                + "}");
  }

  /** A request whose body stops with an error once it passes the limit. */
  private static final class Bounded extends HttpServletRequestWrapper {
    private ServletInputStream stream;

    Bounded(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buf, int off, int len) throws IOException {
                int n = in.read(buf, off, len);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) throws IOException {
                read += n;
                if (read > MAX_BYTES) {
                  throw new IOException("The request body is larger than " + MAX_BYTES + " bytes");
                }
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
