package nl.veerkracht.imports.read;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;

/**
 * Region names of a StatLine export without codes resolved to the codes of their year: a name
 * matches after normalising case, accents, punctuation and a leading "Gemeente", "Wijk" or "Buurt";
 * the region kind ({@code Soort regio}) and the gemeente ({@code Gemeentenaam}) narrow the choice
 * where the file gives them. A region of a kind the database does not hold (provincie, landsdeel,
 * COROP-gebied: "Utrecht (PV)") is skipped and counted; "Nederland" is the country.
 */
final class RegionNames {

  /** StatLine's suffixes for regions of other kinds: provincie, landsdeel, COROP, ... */
  private static final Pattern OTHER_KIND =
      Pattern.compile(".*\\((PV|LD|CR|LG|GGD|RG|KK|AR)\\)\\s*$");

  private static final Pattern KIND_SUFFIX =
      Pattern.compile("\\s*\\((gemeente|gem\\.?|gm)\\)\\s*$");

  /**
   * The outcome: a code per row (null for a row skipped as another kind), and the names that did
   * not resolve to exactly one code.
   */
  record Resolution(
      String[] codes, Set<String> unknown, Set<String> ambiguous, int otherKinds, int year) {

    boolean complete() {
      return unknown.isEmpty() && ambiguous.isEmpty();
    }
  }

  private RegionNames() {}

  /**
   * Resolves the names in column {@code nameColumn}.
   *
   * @param kindColumn the region kind column, or -1
   * @param gemeenteColumn the gemeente name column (for wijken and buurten), or -1
   * @param yearOf the year of each row (by index)
   */
  static Resolution resolve(
      List<CsvTable.Row> rows,
      int nameColumn,
      int kindColumn,
      int gemeenteColumn,
      IntFunction<Integer> yearOf,
      AreaDirectory directory) {
    String[] codes = new String[rows.size()];
    Set<String> unknown = new LinkedHashSet<>();
    Set<String> ambiguous = new LinkedHashSet<>();
    Map<String, List<AreaDirectory.Known>> names = index(directory.areas());
    int other = 0;
    int newest = 0;
    for (int i = 0; i < rows.size(); i++) {
      String raw = rows.get(i).get(nameColumn);
      String name = raw == null ? "" : raw.strip();
      if (name.isEmpty()) {
        unknown.add("#" + rows.get(i).line());
        continue;
      }
      if (OTHER_KIND.matcher(name).matches()) {
        other++;
        continue;
      }
      String key = key(name);
      if (key.equals("nederland")) {
        codes[i] = AreaCode.NETHERLANDS.value();
        continue;
      }
      int year = yearOf.apply(i);
      newest = Math.max(newest, year);
      List<AreaDirectory.Known> candidates = names.getOrDefault(key, List.of());
      Optional<AreaLevel> kind =
          kindColumn < 0 ? Optional.empty() : kind(rows.get(i).get(kindColumn));
      if (kind.isPresent()) {
        candidates = candidates.stream().filter(k -> k.level() == kind.get()).toList();
      }
      if (gemeenteColumn >= 0) {
        Set<String> gemeente =
            names
                .getOrDefault(key(String.valueOf(rows.get(i).get(gemeenteColumn))), List.of())
                .stream()
                .filter(k -> k.level() == AreaLevel.GEMEENTE)
                .map(AreaDirectory.Known::code)
                .collect(java.util.stream.Collectors.toSet());
        candidates = candidates.stream().filter(k -> gemeente.contains(k.gemeenteCode())).toList();
      }
      Optional<String> code = one(candidates, year);
      if (code.isPresent()) {
        codes[i] = code.get();
      } else if (candidates.isEmpty()) {
        unknown.add(name);
      } else {
        ambiguous.add(name);
      }
    }
    return new Resolution(codes, unknown, ambiguous, other, newest);
  }

  /**
   * The one code these candidates (of any division year) stand for: the only code among them, or
   * the only one in the division year nearest to the row's (the newest up to it, else the oldest
   * after it) — a buurt recoded between divisions is the code of its year; a name that two areas
   * carry is none.
   */
  private static Optional<String> one(List<AreaDirectory.Known> candidates, int year) {
    Set<String> all = new LinkedHashSet<>();
    candidates.forEach(k -> all.add(k.code()));
    if (all.size() == 1) {
      return Optional.of(all.iterator().next());
    }
    if (all.isEmpty()) {
      return Optional.empty();
    }
    Optional<Integer> upTo =
        candidates.stream()
            .map(AreaDirectory.Known::year)
            .filter(y -> y <= year)
            .max(Integer::compare);
    int nearest =
        upTo.orElseGet(
            () -> candidates.stream().mapToInt(AreaDirectory.Known::year).min().orElse(year));
    Set<String> then = new LinkedHashSet<>();
    candidates.stream().filter(k -> k.year() == nearest).forEach(k -> then.add(k.code()));
    return then.size() == 1 ? Optional.of(then.iterator().next()) : Optional.empty();
  }

  private static Map<String, List<AreaDirectory.Known>> index(List<AreaDirectory.Known> areas) {
    Map<String, List<AreaDirectory.Known>> out = new HashMap<>();
    for (AreaDirectory.Known k : areas) {
      out.computeIfAbsent(key(k.name()), x -> new ArrayList<>()).add(k);
    }
    return out;
  }

  /** The kind in a {@code Soort regio} cell ("Gemeente", "Wijk", "Buurt", "Land"). */
  static Optional<AreaLevel> kind(String cell) {
    if (cell == null) {
      return Optional.empty();
    }
    return switch (cell.strip().toLowerCase(Locale.ROOT)) {
      case "gemeente" -> Optional.of(AreaLevel.GEMEENTE);
      case "wijk" -> Optional.of(AreaLevel.WIJK);
      case "buurt" -> Optional.of(AreaLevel.BUURT);
      case "land" -> Optional.of(AreaLevel.LAND);
      default -> Optional.empty();
    };
  }

  /** A name as compared: no accents, lower case, words only, no leading kind word. */
  static String key(String name) {
    String s =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .strip();
    s = KIND_SUFFIX.matcher(s).replaceFirst("");
    s = s.replaceAll("[^a-z0-9]+", " ").strip();
    return s.replaceFirst("^(gemeente|wijk|buurt) ", "");
  }
}
