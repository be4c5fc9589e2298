package nl.veerkracht.measure;

import java.math.BigDecimal;
import java.util.List;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.measure.domain.CostKind;
import nl.veerkracht.measure.domain.Lever;
import nl.veerkracht.security.Membership;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A corporation's measure catalogue: well-known measures on each lever, seeded the first time the
 * corporation's catalogue is read and then the corporation's own to edit. The seed names no
 * amounts: what a measure costs is the corporation's own estimate.
 */
@Service
public class Catalogue {

  /** A catalogue entry; {@code amountEuro} is null until the corporation sets its estimate. */
  public record Item(
      Long id,
      String lever,
      String title,
      String description,
      String costKind,
      BigDecimal amountEuro,
      int durationYears,
      String partners,
      List<String> indicators) {}

  static final List<Item> SEED =
      List.of(
          seed("onderhoud", "MJOB-werk naar voren halen", "per_unit_once", 1, "", "lbm_won"),
          seed(
              "onderhoud",
              "MJOB-werk combineren in één ingreep",
              "per_unit_once",
              1,
              "",
              "lbm_won"),
          seed(
              "onderhoud",
              "Entree en verlichting verbeteren",
              "per_unit_once",
              1,
              "Gemeente",
              "lbm_onv",
              "lbm_fys"),
          seed("onderhoud", "Bergingen veilig maken", "per_unit_once", 1, "Politie", "lbm_onv"),
          seed(
              "huurprijsbeleid",
              "Streefhuur aanpassen",
              "per_unit_per_year",
              5,
              "",
              "pct_corporation_rent"),
          seed(
              "huurprijsbeleid",
              "Huren differentiëren binnen de huurgrenzen",
              "per_unit_per_year",
              5,
              "",
              "lbm_won"),
          seed(
              "woonruimteverdeling",
              "Deel van de verhuringen met lokaal maatwerk",
              "per_year",
              3,
              "Gemeente",
              "lbm_soc",
              "veerkracht_signal"),
          seed("woonruimteverdeling", "Labelen van het complex", "once", 1, "Gemeente", "lbm_soc"),
          seed(
              "woonruimteverdeling",
              "Intakegesprek met zorgpartner",
              "per_year",
              3,
              "Zorgorganisatie",
              "veerkracht_signal"),
          seed(
              "sociaal_beheer",
              "Uren huismeester of buurtconciërge",
              "per_year",
              3,
              "",
              "lbm_onv",
              "lbm_soc"),
          seed(
              "sociaal_beheer",
              "Huurdersondersteuning",
              "per_year",
              3,
              "Huurdersorganisatie",
              "lbm_soc"),
          seed(
              "sociaal_beheer",
              "Achter-de-voordeurbezoeken",
              "per_unit_once",
              1,
              "Gemeente, Zorgorganisatie",
              "veerkracht_signal"),
          seed("fysiek", "Vergroenen van de buitenruimte", "once", 1, "Gemeente", "lbm_fys"),
          seed("fysiek", "Renovatie", "per_unit_once", 2, "", "lbm_won"),
          seed(
              "fysiek",
              "Sloop en nieuwbouw",
              "per_unit_once",
              4,
              "Gemeente",
              "lbm_won",
              "pct_corporation_rent"),
          seed("fysiek", "Verkoop van woningen", "once", 3, "", "pct_corporation_rent"),
          seed(
              "samenwerking",
              "Gebiedsafspraak met de gemeente",
              "once",
              4,
              "Gemeente",
              "lbm_score"),
          seed(
              "samenwerking",
              "Veiligheidsoverleg met politie",
              "per_year",
              2,
              "Politie, Gemeente",
              "lbm_onv"),
          seed(
              "samenwerking",
              "Convenant met zorgpartners",
              "once",
              3,
              "Zorgorganisatie",
              "veerkracht_signal"));

  private final CatalogueRepository rows;
  private final MeasureService measureService;
  private final nl.veerkracht.statistics.StatisticsCatalogue statistics;

  public Catalogue(
      CatalogueRepository rows,
      MeasureService measureService,
      nl.veerkracht.statistics.StatisticsCatalogue statistics) {
    this.rows = rows;
    this.measureService = measureService;
    this.statistics = statistics;
  }

  private static Item seed(
      String lever, String title, String kind, int years, String partners, String... indicators) {
    return new Item(null, lever, title, "", kind, null, years, partners, List.of(indicators));
  }

  /** The corporation's catalogue by lever and title, seeded the first time. */
  @Transactional
  public List<Item> list(String corporation) {
    Membership m = measureService.reader(corporation);
    seedOnce(m.corporationId());
    return rows.list(
        m.corporationId(), java.util.Arrays.stream(Lever.values()).map(Lever::id).toList());
  }

  /**
   * The figures a target can follow, by name: every figure held for buurten, wijken or gemeenten,
   * grouped by theme and sorted by name in the reader's language, with unit and years (fields whose
   * meaning is not documented are left out; the one a measure has already stays).
   */
  public List<nl.veerkracht.statistics.IndicatorChoices.Group> targetChoices(
      java.util.Locale locale, String current) {
    return nl.veerkracht.statistics.IndicatorChoices.of(
        statistics.list(),
        id -> {
          java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
          for (String prefix : List.of("GM", "WK", "BU")) {
            years.addAll(statistics.years(id, prefix));
          }
          return List.copyOf(years.descendingSet());
        },
        locale,
        current);
  }

  /** The names of the indicators these entries aim at, in both languages (id when unknown). */
  public java.util.Map<String, nl.veerkracht.common.Text> indicatorNames(List<Item> items) {
    java.util.Map<String, nl.veerkracht.common.Text> out = new java.util.HashMap<>();
    items.stream()
        .flatMap(i -> i.indicators().stream())
        .distinct()
        .forEach(
            id ->
                out.put(
                    id,
                    statistics
                        .find(id)
                        .map(x -> Text.of(x.labelNl(), x.labelEn()))
                        .orElse(Text.plain(id))));
    return out;
  }

  /** Adds an entry (id null) or changes one of the corporation's entries. */
  @Transactional
  public long save(String corporation, Long id, Item item) {
    Membership m = measureService.planner(corporation);
    seedOnce(m.corporationId());
    Item i = valid(item);
    if (id == null) {
      return rows.insert(m.corporationId(), i)
          .orElseThrow(() -> new InvalidInputException(Text.msg("catalogue.invalid.duplicate")));
    }
    if (!rows.update(m.corporationId(), id, i)) {
      throw new NotFoundException(
          Text.msg("error.measure.noCatalogueEntry", "id", String.valueOf(id)));
    }
    return id;
  }

  private static Item valid(Item i) {
    if (i == null
        || i.title() == null
        || i.title().isBlank()
        || i.title().trim().length() > 200
        || Lever.find(i.lever()).isEmpty()
        || CostKind.find(i.costKind()).isEmpty()
        || (i.amountEuro() != null && i.amountEuro().signum() < 0)
        || i.durationYears() < 1
        || i.durationYears() > 30
        || (i.description() != null && i.description().length() > 2000)
        || (i.partners() != null && i.partners().length() > 500)
        || (i.indicators() != null && i.indicators().size() > 20)) {
      throw new InvalidInputException(Text.msg("catalogue.invalid"));
    }
    return new Item(
        null,
        i.lever().trim(),
        i.title().trim(),
        i.description() == null ? "" : i.description().trim(),
        i.costKind().trim(),
        i.amountEuro(),
        i.durationYears(),
        i.partners() == null ? "" : i.partners().trim(),
        i.indicators() == null ? List.of() : i.indicators());
  }

  private void seedOnce(long corporationId) {
    if (rows.count(corporationId) > 0) {
      return;
    }
    for (Item i : SEED) {
      rows.insert(corporationId, i);
    }
  }
}
