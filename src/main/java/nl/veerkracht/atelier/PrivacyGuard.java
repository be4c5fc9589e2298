package nl.veerkracht.atelier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what in a free text identifies a household — a street with a house number, a postcode, a
 * phone number, an e-mail address, a name after "meneer", "mevrouw", "familie", "buurman" and the
 * like — and masks it. Pins, remarks and names are shown masked on the projector, on other phones,
 * to partners and in exports until the facilitator approves the text as it stands; the author sees
 * their own text, the facilitator sees it whole and marked.
 *
 * <p>Rules, not a model: each rule is a pattern with few false alarms on ordinary sentences about a
 * neighbourhood (years, percentages, times, amounts, bus lines, "de buurman" without a name).
 * {@code PrivacyGuardTest} measures it on 200 sentences written for the test.
 */
public final class PrivacyGuard {

  /** What replaces each identifying part. */
  public static final String MASK = "•••";

  private PrivacyGuard() {}

  /** One identifying part of a text: where it starts and ends, and what kind it is. */
  public record Span(int start, int end, String kind) {}

  private static final String UPPER = "\\p{Lu}";
  private static final String WORD = "[\\p{L}'’\\-]+";
  private static final String CAP_WORD = UPPER + "[\\p{L}'’\\-]*\\.?";
  private static final String PARTICLES =
      "(?:(?:van|de|der|den|het|ter|ten|te|la|le|el|al|op|in\\s+'t|'t|d')\\s+)*";
  private static final String HOUSE_NUMBER =
      "\\d{1,4}(?:\\s?[a-zA-Z](?![\\p{L}]))?(?:\\s?[-/]\\s?\\d{1,4}[a-zA-Z]?|\\s?(?:bis|hs|huis|bg|I{1,3})\\b)?";

  /** Words with a capital that start a sentence rather than a street's name ("Bij Dorpsweg 3"). */
  private static final String NOT_A_NAME =
      "(?!(?:Bij|Op|In|Aan|Naast|Tegenover|Ook|En|Het|De|Een|Mijn|Onze|Wij|Ik|Zie|Dat|Die|Dit"
          + "|Waar|Hier|Daar|Vanaf|Via|Tot|Om|Achter|Voor|Langs|Rond)\\b)";

  /** Ends of Dutch street names: Eemnesserweg, Brinkstraat, Nieuw Baarnstraat, Julianalaan. */
  private static final String STREET_END =
      "(?:straat|straatweg|laan|weg|plein|pleintje|singel|gracht|kade|dijk|hof|park|dreef|pad|steeg"
          + "|markt|ring|baan|allee|erf|plantsoen|veld|wal|haven|kwartier|hoek|dam|burcht|gaarde"
          + "|hoeve|kamp|berg|bosch|bos|straatje|poort|wetering|vaart|zoom|stede|akker|tuin|hage)";

  /** The same, for a street typed in small letters ("eemnesserweg 12"): no everyday words. */
  private static final String STREET_END_TYPED =
      "(?:straat|straatweg|laan|weg|plein|singel|gracht|kade|dijk|dreef|steeg|allee|plantsoen"
          + "|wal|wetering|vaart)";

  /** After a house number: not a quantity ("Dorpsstraat 12 keer", "weg 30 km"). */
  private static final String NOT_A_QUANTITY =
      "(?![\\d%,.:]\\d|\\s?%|\\s?(?:uur|euro|jaar|meter|m\\b|km|procent|woningen|huizen|keer"
          + "|minuten|kilometer|auto|fietsen|bomen|mensen|kinderen))";

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "email",
              Pattern.compile(
                  "[\\p{L}0-9._%+\\-]+@[\\p{L}0-9.\\-]+\\.[a-zA-Z]{2,}", Pattern.CASE_INSENSITIVE)),
          // ten digits from 0 (06-12345678, 035 541 23 45, (035) 5412345), or +31 / 0031 and nine
          new Rule(
              "phone",
              Pattern.compile(
                  "(?<![\\d€.,/+])\\(?0[1-9](?:[\\s\\-)]{0,3}\\d){8}(?!\\d)"
                      + "|(?:\\+31|\\b0031)[\\s\\-]?(?:\\(0\\)[\\s\\-]?)?[1-9](?:[\\s\\-]{0,2}\\d){8}(?!\\d)")),
          new Rule(
              "postcode",
              Pattern.compile(
                  "(?<![\\d€.,])\\b[1-9]\\d{3}\\s?(?!SA|SD|SS)[A-Z]{2}(?![\\p{L}\\d])"
                      + "|(?<![\\d€.,])\\b[1-9]\\d{3}(?!sa|sd|ss|km|kg|cm|mm|ml|cl|dl)[a-z]{2}(?![\\p{L}\\d])")),
          // a street with a capital (Nieuw Baarnstraat 3, Van Heeckerenlaan 5a, Laan van Vollenhove
          // 12)
          new Rule(
              "address",
              Pattern.compile(
                  "\\b(?:"
                      + NOT_A_NAME
                      + CAP_WORD
                      + "\\s+){0,3}"
                      + PARTICLES
                      + UPPER
                      + "[\\p{L}'’\\-]*"
                      + STREET_END
                      + "(?:\\s+"
                      + PARTICLES
                      + CAP_WORD
                      + ")?\\s+(?:nr\\.?\\s*|nummer\\s+)?"
                      + HOUSE_NUMBER
                      + NOT_A_QUANTITY)),
          // a street typed in small letters (eemnesserweg 23)
          new Rule(
              "address",
              Pattern.compile(
                  "\\b\\p{Ll}{3,}"
                      + STREET_END_TYPED
                      + "\\s+(?:nr\\.?\\s*|nummer\\s+)?"
                      + HOUSE_NUMBER
                      + NOT_A_QUANTITY)),
          // a place name with a number after "op de", "aan het": op de Brink 12
          new Rule(
              "address",
              Pattern.compile(
                  "(?<=\\b(?i:aan|op|in|bij|naast|tegenover)\\s(?:de|het|'t)\\s)"
                      + CAP_WORD
                      + "(?:\\s+"
                      + CAP_WORD
                      + ")?\\s+"
                      + HOUSE_NUMBER
                      + NOT_A_QUANTITY)),
          new Rule(
              "address",
              Pattern.compile(
                  "\\b(?:huis)?(?:nummer|nr\\.?)\\s*\\d{1,4}[a-zA-Z]?\\b",
                  Pattern.CASE_INSENSITIVE)),
          new Rule(
              "name",
              Pattern.compile(
                  "\\b(?i:meneer|mevrouw|mevr\\.|mw\\.|dhr\\.|de\\s+heer|familie|fam\\.|buurman|buurvrouw"
                      + "|buren|juffrouw|opa|oma|oom|tante)\\s+"
                      + PARTICLES
                      + CAP_WORD
                      + "(?:\\s+"
                      + PARTICLES
                      + CAP_WORD
                      + ")?")));

  private record Rule(String kind, Pattern pattern) {}

  /** Words that start a sentence or name a place, not a person, after "meneer" and the like. */
  private static final Set<String> NOT_NAMES =
      Set.of("Van", "De", "Het", "Die", "Dat", "Deze", "Uit", "Met", "En", "Of", "Ik", "Wij", "Ze");

  /** The identifying parts of {@code text}, in order, not overlapping. */
  public static List<Span> find(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<Span> found = new ArrayList<>();
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(text);
      while (m.find()) {
        if ("name".equals(rule.kind()) && !namedPerson(m.group())) {
          continue;
        }
        found.add(new Span(m.start(), m.end(), rule.kind()));
      }
    }
    found.sort(Comparator.comparingInt(Span::start).thenComparingInt(s -> -s.end()));
    List<Span> out = new ArrayList<>();
    for (Span s : found) {
      if (!out.isEmpty() && s.start() < out.get(out.size() - 1).end()) {
        Span last = out.remove(out.size() - 1);
        out.add(new Span(last.start(), Math.max(last.end(), s.end()), last.kind()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * What others see of a text: the text itself once approved, otherwise its masked form as stored
   * when written ({@code masked}), or masked now for texts stored before the guard.
   */
  public static String shown(String text, String masked, boolean approved) {
    if (approved || text == null) {
      return text;
    }
    return masked != null ? masked : mask(text);
  }

  /** Whether {@code text} holds something that identifies a household. */
  public static boolean identifies(String text) {
    return !find(text).isEmpty();
  }

  /** {@code text} with every identifying part replaced by {@link #MASK}. */
  public static String mask(String text) {
    List<Span> spans = find(text);
    if (spans.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Span s : spans) {
      out.append(text, at, s.start()).append(MASK);
      at = s.end();
    }
    return out.append(text.substring(at)).toString();
  }

  /** "buurman Jansen", "mevrouw El Amrani", not "mevrouw Van de gemeente" or "buurman En". */
  private static boolean namedPerson(String match) {
    String[] words = match.trim().split("\\s+");
    String last = words[words.length - 1].replaceAll("[.'’]", "");
    return !last.isEmpty()
        && Character.isUpperCase(last.charAt(0))
        && !NOT_NAMES.contains(last)
        && !last.toUpperCase(Locale.ROOT).equals(last.toLowerCase(Locale.ROOT));
  }
}
