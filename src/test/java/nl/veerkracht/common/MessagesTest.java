package nl.veerkracht.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message bundles stay in step: the Dutch and English bundles hold the same keys, and every key
 * the code and the templates name exists in both.
 */
class MessagesTest {

  static final Path MAIN = Path.of("src", "main");

  @Test
  void dutchAndEnglishBundlesHoldTheSameKeys() {
    Set<String> onlyDutch = new TreeSet<>(Messages.keys(false));
    onlyDutch.removeAll(Messages.keys(true));
    Set<String> onlyEnglish = new TreeSet<>(Messages.keys(true));
    onlyEnglish.removeAll(Messages.keys(false));
    assertThat(onlyDutch).as("keys only in messages.properties").isEmpty();
    assertThat(onlyEnglish).as("keys only in messages_en.properties").isEmpty();
  }

  @Test
  void noKeyIsDefinedTwice() throws IOException {
    // a second definition silently replaces the first (an import report once printed the yearly
    // report's footnote): every key once per bundle
    for (String bundle : java.util.List.of("messages.properties", "messages_en.properties")) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      java.util.List<String> twice = new java.util.ArrayList<>();
      for (String line : Files.readAllLines(MAIN.resolve("resources/i18n/" + bundle))) {
        int eq = line.indexOf('=');
        if (!line.isBlank()
            && !line.startsWith("#")
            && eq > 0
            && !seen.add(line.substring(0, eq))) {
          twice.add(line.substring(0, eq));
        }
      }
      org.assertj.core.api.Assertions.assertThat(twice).as(bundle).isEmpty();
    }
  }

  @Test
  void everyKeyNamedInCodeOrTemplatesExists() throws IOException {
    Set<String> missing = new TreeSet<>();
    Pattern java = Pattern.compile("Text\\.msg\\(\\s*\"([a-zA-Z0-9_.]+)\"");
    Pattern pdf = Pattern.compile("\\bt\\(\\s*(?:locale,\\s*)?\"([a-zA-Z0-9_.]+)\"\\s*[,)]");
    Pattern jte = Pattern.compile("page\\.t\\(\"([a-zA-Z0-9_.]+)\"");
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".java") && !name.endsWith(".jte")) {
          continue;
        }
        String text = Files.readString(f);
        for (Pattern p : name.endsWith(".jte") ? Set.of(jte) : Set.of(java, pdf)) {
          Matcher m = p.matcher(text);
          while (m.find()) {
            String key = m.group(1);
            if (!key.endsWith(".") && !Messages.has(key)) {
              missing.add(f.getFileName() + ": " + key);
            }
          }
        }
      }
    }
    assertThat(missing).as("keys named in code but missing from a bundle").isEmpty();
  }

  @Test
  void namedArgumentsAreFilledPerLanguage() {
    Text t =
        Text.msg(
            "analysis.lbm.change",
            "from",
            2016,
            "to",
            2024,
            "b",
            Text.signed(0.0731, 3),
            "a",
            Text.signed(-0.01, 3),
            "d",
            Text.signed(0.0831, 3));
    assertThat(t.nl()).startsWith("Verandering van de afwijking").contains("+0,073", "−0,010");
    assertThat(t.en()).startsWith("Change of the deviation").contains("+0.073", "−0.010");
  }

  @Test
  void pluralsFollowTheNumber() {
    assertThat(Text.msg("imports.message.rejected", "0", 0, "1", 0, "2", 1L).nl())
        .isEqualTo("Afgewezen: 1 probleem gevonden; er is niets opgeslagen.");
    assertThat(Text.msg("imports.message.rejected", "0", 0, "1", 0, "2", 3L).nl())
        .isEqualTo("Afgewezen: 3 problemen gevonden; er is niets opgeslagen.");
    assertThat(Text.msg("imports.message.rejected", "0", 0, "1", 0, "2", 1L).en())
        .isEqualTo("Rejected: 1 problem found; nothing was stored.");
  }
}
