package nl.veerkracht.statistics.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of known indicators and the source column names (aliases) that mean them. Loaded
 * from {@code catalogue/indicators.tsv}; immutable.
 */
public final class IndicatorCatalogue {

  private static final String RESOURCE = "/catalogue/indicators.tsv";
  private static volatile IndicatorCatalogue standard;

  private static final String AMBIGUOUS = "";

  private final Map<String, Indicator> byId;
  private final Map<String, String> idByAlias;
  private final Map<String, String> idBySquashedAlias;

  private IndicatorCatalogue(Map<String, Indicator> byId, Map<String, String> idByAlias) {
    this.byId = Collections.unmodifiableMap(byId);
    this.idByAlias = Collections.unmodifiableMap(idByAlias);
    Map<String, String> squashed = new HashMap<>();
    idByAlias.forEach(
        (alias, id) -> squashed.merge(squash(alias), id, (a, b) -> a.equals(b) ? a : AMBIGUOUS));
    this.idBySquashedAlias = Collections.unmodifiableMap(squashed);
  }

  private static String squash(String normalised) {
    return normalised.replace("_", "");
  }

  /** The catalogue shipped with Veerkracht. */
  public static IndicatorCatalogue standard() {
    if (standard == null) {
      try (InputStream in = IndicatorCatalogue.class.getResourceAsStream(RESOURCE)) {
        standard = parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return standard;
  }

  static IndicatorCatalogue parse(InputStream in) throws IOException {
    Map<String, Indicator> byId = new LinkedHashMap<>();
    Map<String, String> aliases = new HashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 8) {
        throw new IllegalStateException("Catalogue line has too few fields: " + line);
      }
      Boolean higherIsWorse =
          switch (f[4]) {
            case "y" -> true;
            case "n" -> false;
            default -> null;
          };
      Indicator indicator =
          new Indicator(
              f[0],
              f[6],
              f[7],
              f[2],
              f[5],
              higherIsWorse,
              f[1],
              Integer.parseInt(f[3]),
              null,
              f[5].startsWith("Veerkracht") ? "derived" : "catalogue");
      byId.put(indicator.id(), indicator);
      aliases.put(Indicator.normalise(indicator.id()), indicator.id());
      if (f.length > 8 && !f[8].isBlank()) {
        for (String alias : f[8].split("\\|")) {
          String key = Indicator.normalise(alias);
          String earlier = aliases.put(key, indicator.id());
          if (earlier != null && !earlier.equals(indicator.id())) {
            throw new IllegalStateException(
                "Alias " + alias + " means both " + earlier + " and " + indicator.id());
          }
        }
      }
    }
    return new IndicatorCatalogue(byId, aliases);
  }

  public Collection<Indicator> list() {
    return byId.values();
  }

  public Optional<Indicator> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Indicator get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("Unknown indicator " + id));
  }

  /**
   * The catalogue id a source column means. Tried in turn: the name as given; for CBS OData keys,
   * the stem without the edition suffix; and for StatLine titles ({@code "In bezit woningcorporatie
   * (%)"}), the title without its unit with spaces removed, which is how CBS forms its keys ({@code
   * InBezitWoningcorporatie}).
   */
  public Optional<String> findIdForColumn(String column) {
    String id = idByAlias.get(Indicator.normalise(column));
    if (id == null) {
      id = idByAlias.get(Indicator.normalise(Indicator.odataStem(column)));
    }
    if (id == null) {
      String withoutUnit = column.replaceFirst("\\s*\\([^()]*\\)\\s*$", "");
      String squashedId = idBySquashedAlias.get(squash(Indicator.normalise(withoutUnit)));
      id = AMBIGUOUS.equals(squashedId) ? null : squashedId;
    }
    return Optional.ofNullable(id);
  }
}
