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
 * bundles, never an English literal. The packages listed here have been moved over and may not go
 * back; the count of literals left elsewhere is printed, so the debt is seen shrinking.
 */
class ErrorMessagesTest {

  /** Packages whose refusals all come from the bundles. */
  static final List<String> IN_THE_READERS_LANGUAGE = List.of("atelier");

  static final Pattern LITERAL =
      Pattern.compile(
          "new (BadRequest|Conflict|Forbidden|NotFound|Unauthorized|TooManyRequests)Exception\\(\\s*\"");

  @Test
  void refusalsInConvertedPackagesComeFromTheBundles() throws IOException {
    Path root = Path.of("src/main/java/nl/veerkracht");
    List<String> offending = new ArrayList<>();
    int elsewhere = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = root.relativize(f).getName(0).toString();
        Matcher m = LITERAL.matcher(Files.readString(f));
        while (m.find()) {
          if (IN_THE_READERS_LANGUAGE.contains(pkg)) {
            offending.add(root.relativize(f) + ": " + m.group());
          } else {
            elsewhere++;
          }
        }
      }
    }
    System.out.printf(
        "[messages] refusals with an English literal: %d in %s, %d in other packages%n",
        offending.size(), IN_THE_READERS_LANGUAGE, elsewhere);
    assertThat(offending).isEmpty();
  }
}
