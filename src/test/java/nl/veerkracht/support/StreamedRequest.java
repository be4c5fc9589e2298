package nl.veerkracht.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 request over a plain socket whose body is written by another thread while the answer
 * is read, as a client streaming a large upload does. Times how long the server takes to answer,
 * whatever the body still being written: a server that refuses by {@code Content-Length} answers
 * before the body has arrived.
 */
public final class StreamedRequest {

  /** The status, the milliseconds from the first byte sent to the status line, and the body. */
  public record Answer(int status, long millis, String body) {}

  private StreamedRequest() {}

  public static Answer send(
      int port, String method, String path, String authorization, String contentType, byte[] body)
      throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      long started = System.nanoTime();
      String head =
          method
              + " "
              + path
              + " HTTP/1.1\r\nHost: localhost:"
              + port
              + "\r\nAuthorization: "
              + authorization
              + "\r\nContent-Type: "
              + contentType
              + "\r\nContent-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread writer =
          new Thread(
              () -> {
                try {
                  out.write(body);
                  out.flush();
                } catch (IOException closedByTheServer) {
                  // the server answered and closed: what the test is about
                }
              },
              "streamed-body");
      writer.setDaemon(true);
      writer.start();
      InputStream in = socket.getInputStream();
      String status = line(in);
      long millis = (System.nanoTime() - started) / 1_000_000;
      int length = -1;
      for (String h = line(in); !h.isEmpty(); h = line(in)) {
        if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(h.substring(15).trim());
        }
      }
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      for (int i = 0; length < 0 || i < length; i++) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        answer.write(b);
      }
      return new Answer(
          Integer.parseInt(status.split(" ")[1]), millis, answer.toString(StandardCharsets.UTF_8));
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        s.append((char) b);
      }
    }
    return s.toString();
  }
}
