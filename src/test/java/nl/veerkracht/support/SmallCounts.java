package nl.veerkracht.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds numbers under 10 in a text meant for residents: every whole number 0–9 standing on its own
 * (not part of a larger number, a decimal, a date, a range or a code such as K5) is a possible
 * count, unless it is a class number ("klasse 7") or a day of a month. What is found is returned
 * with its context, so a failing test shows where the count leaked.
 */
public final class SmallCounts {

  private static final Pattern SMALL =
      Pattern.compile("(?<![\\d.,\\-/:\\p{L}])([0-9])(?![\\d.,\\-/:+%\\p{L}])");
  private static final Pattern MONTH =
      Pattern.compile(
          "^\\s*(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
              + "|december|january|february|march|may|june|july|august|october)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CLASS_BEFORE =
      Pattern.compile("(klasse|class|Leefbaarometerklasse)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern CLASS_AFTER = Pattern.compile("^\\s*[:(]\\s*\\p{L}");

  /** A Leefbaarometer class shown with its name: "7 (goed)", "3: onvoldoende". */
  private static final Pattern LBM_NAME_AFTER =
      Pattern.compile(
          "^\\s*[:(]\\s*(zeer onvoldoende|ruim onvoldoende|onvoldoende|zwak|voldoende"
              + "|ruim voldoende|goed|zeer goed|uitstekend|very poor|poor|weak|sufficient|good"
              + "|very good|excellent)",
          Pattern.CASE_INSENSITIVE);

  private SmallCounts() {}

  public static List<String> in(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = SMALL.matcher(text);
    while (m.find()) {
      String before = text.substring(Math.max(0, m.start() - 30), m.start());
      String after = text.substring(m.end(), Math.min(text.length(), m.end() + 30));
      if (MONTH.matcher(after).find()) {
        continue;
      }
      if (CLASS_BEFORE.matcher(before).find() && CLASS_AFTER.matcher(after).find()
          || LBM_NAME_AFTER.matcher(after).find()) {
        continue;
      }
      found.add(("…" + before + "[" + m.group(1) + "]" + after + "…").replaceAll("\\s+", " "));
    }
    return found;
  }
}
