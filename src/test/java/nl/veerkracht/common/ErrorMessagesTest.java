package nl.veerkracht.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message a person reads is in their language: a refusal carries a {@link Text} from the
 * bundles, never an English literal, in every room.
 */
class ErrorMessagesTest {

  static final Pattern LITERAL =
      Pattern.compile(
          "new (?:[a-z]+\\.)*(BadRequest|Conflict|Forbidden|NotFound|Unauthorized|TooManyRequests|InvalidInput)Exception\\(\\s*\"");

  @Test
  void everyRefusalComesFromTheBundles() throws IOException {
    Path root = Path.of("src/main/java/nl/veerkracht");
    List<String> offending = new ArrayList<>();
    int read = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        read++;
        Matcher m = LITERAL.matcher(Files.readString(f));
        while (m.find()) {
          offending.add(root.relativize(f) + ": " + m.group());
        }
      }
    }
    System.out.printf(
        "[messages] refusals with an English literal: %d in %d files%n", offending.size(), read);
    assertThat(offending).isEmpty();
  }
}
