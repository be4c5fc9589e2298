package nl.veerkracht.stock.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.stock.domain.ClusterType;

/**
 * The columns of stock files under the names Dutch ERP exports use ("VHE-nummer", "Complexnummer",
 * "Huurprijs", "Bouwjaar", ...), mapped to Veerkracht's fields. Cluster columns carry their type in
 * the name ("Cluster FIN", "FIN-cluster", "Clusternummer OND"); "Complex" means the corporation's
 * complex type.
 */
public final class StockColumns {

  /** A column meaning a cluster code or name of a type. */
  public record ClusterColumn(ClusterType type, boolean name) {}

  private static final Map<String, String> FIELDS = new HashMap<>();
  private static final Pattern CLUSTER =
      Pattern.compile(
          "^(?:cluster(?:nummer|code|nr)?_?([a-z]{3})|([a-z]{3})_?cluster(?:nummer|code|nr)?)(_?naam)?$");
  private static final Pattern CLUSTER_NAME_FIRST = Pattern.compile("^clusternaam_?([a-z]{3})$");

  static {
    alias(
        "unit_code",
        "vhe_nummer",
        "vhenummer",
        "vhe",
        "vhe_nr",
        "vhe_code",
        "eenheidnummer",
        "eenheid_nummer",
        "eenheidnr",
        "eenheidcode",
        "eenheid",
        "unit_code",
        "unit_id",
        "objectnummer",
        "code");
    alias("street", "straat", "straatnaam", "street");
    alias("house_number", "huisnummer", "huisnr", "house_number");
    alias("house_letter", "huisletter", "house_letter");
    alias(
        "house_addition",
        "toevoeging",
        "huisnummertoevoeging",
        "huisnummer_toevoeging",
        "house_addition");
    alias("postcode", "postcode", "postal_code");
    alias("city", "plaats", "woonplaats", "city");
    alias(
        "bag_id",
        "bag_id",
        "bagid",
        "bag_verblijfsobject_id",
        "verblijfsobject_id",
        "bag_vbo_id",
        "vbo_id");
    alias("lon", "lon", "lng", "longitude", "lengtegraad");
    alias("lat", "lat", "latitude", "breedtegraad");
    alias("rd_x", "x", "rd_x", "x_coordinaat", "xcoord", "x_rd");
    alias("rd_y", "y", "rd_y", "y_coordinaat", "ycoord", "y_rd");
    alias("buurt_code", "buurtcode", "buurt_code", "cbs_buurtcode");
    alias("build_year", "bouwjaar", "build_year");
    alias("kind", "soort", "type", "woningtype", "eenheidsoort", "detailsoort", "kind");
    alias("energy_label", "energielabel", "energie_label", "label", "energy_label");
    alias("target_rent", "streefhuur", "target_rent");
    alias(
        "rent",
        "rekenhuur",
        "huurprijs",
        "netto_huur",
        "nettohuur",
        "kale_huur",
        "kalehuur",
        "huur",
        "rent");
    alias("wws_points", "wws_punten", "wwspunten", "punten", "wws", "wws_points");
    alias("target_group", "doelgroep", "target_group");
    alias("status", "status", "eenheidstatus");
    alias("complex_code", "complexnummer", "complex", "complexcode", "complex_nr", "complexnr");
    alias("complex_name", "complexnaam", "complex_naam");
    // maintenance plan
    alias("cluster_type", "clustersoort", "cluster_type", "clustertype");
    alias("cluster_code", "clustercode", "clusternummer", "cluster_code", "cluster");
    alias("year", "jaar", "year", "planjaar", "uitvoeringsjaar");
    alias("activity", "activiteit", "onderhoudsactiviteit", "omschrijving", "activity", "element");
    alias("cost", "kosten", "bedrag", "begroting", "kosten_euro", "cost", "cost_euro");
    // allocations
    alias(
        "allocated_on",
        "toewijzingsdatum",
        "datum_toewijzing",
        "toegewezen_op",
        "allocated_on",
        "datum");
    alias("household_type", "huishoudtype", "huishoudsamenstelling", "household_type");
    alias("household_size", "huishoudgrootte", "aantal_personen", "personen", "household_size");
    alias("income_class", "inkomensklasse", "inkomenscategorie", "inkomen", "income_class");
    alias("urgent", "urgentie", "urgent", "met_urgentie");
    alias("rent_euro", "huur_bij_toewijzing", "aanvangshuur", "rent_euro");
    alias(
        "priority",
        "voorrang",
        "voorrangsregeling",
        "soort_voorrang",
        "detailsoort",
        "voorrangsregelingen_detailsoort",
        "priority");
    alias("target_group", "aanvullende_doelgroep", "aanvullendedoelgroep", "target_group");
    alias(
        "end_reason",
        "reden_einde",
        "einde_reden",
        "eindedetailreden",
        "einde_detail_reden",
        "reden_vertrek",
        "end_reason");
    // turnover
    alias(
        "moved_out_on",
        "vertrekdatum",
        "einddatum_huur",
        "opzegdatum",
        "moved_out_on",
        "datum_vertrek");
    alias(
        "moved_in_on",
        "ingangsdatum",
        "ingangsdatum_huur",
        "datum_ingang",
        "moved_in_on",
        "nieuwe_huurder_per");
    // signals
    alias("signal_type", "signaal", "soort_melding", "meldingsoort", "signal_type", "type_melding");
    alias("count", "aantal", "aantal_meldingen", "count");
  }

  private StockColumns() {}

  private static void alias(String field, String... names) {
    for (String n : names) {
      FIELDS.put(Indicator.normalise(n), field);
    }
  }

  /** The field a column means by its name, if any. */
  public static Optional<String> field(String column) {
    return Optional.ofNullable(FIELDS.get(Indicator.normalise(column)));
  }

  /**
   * Whether a column names a cluster; empty when not. A cluster column whose type is not known
   * gives a {@code ClusterColumn} with a null type and must reject the file.
   */
  public static Optional<ClusterColumn> cluster(String column, String[] unknownType) {
    String n = Indicator.normalise(column);
    Matcher m = CLUSTER.matcher(n);
    String token = null;
    boolean name = false;
    if (m.matches()) {
      token = m.group(1) != null ? m.group(1) : m.group(2);
      name = m.group(3) != null;
    } else {
      Matcher m2 = CLUSTER_NAME_FIRST.matcher(n);
      if (m2.matches()) {
        token = m2.group(1);
        name = true;
      }
    }
    if (token == null) {
      return Optional.empty();
    }
    Optional<ClusterType> type = ClusterType.find(token);
    if (type.isEmpty()) {
      unknownType[0] = token.toUpperCase(java.util.Locale.ROOT);
      return Optional.of(new ClusterColumn(null, name));
    }
    return Optional.of(new ClusterColumn(type.get(), name));
  }

  /** Which stock file this header describes, or empty. */
  public static Optional<String> kind(List<String> header) {
    java.util.Set<String> fields = new java.util.HashSet<>();
    for (String h : header) {
      field(h).ifPresent(fields::add);
    }
    if (fields.contains("activity") && fields.contains("cost") && fields.contains("year")) {
      return Optional.of("stock-mjob");
    }
    if (fields.contains("unit_code") && fields.contains("allocated_on")) {
      return Optional.of("stock-allocations");
    }
    if (fields.contains("unit_code") && fields.contains("moved_out_on")) {
      return Optional.of("stock-turnover");
    }
    if (fields.contains("signal_type") && fields.contains("count")) {
      return Optional.of("stock-signals");
    }
    if (fields.contains("unit_code")
        && (fields.contains("postcode")
            || fields.contains("lon")
            || fields.contains("rd_x")
            || fields.contains("build_year")
            || fields.contains("rent")
            || fields.contains("complex_code"))) {
      return Optional.of("stock-units");
    }
    return Optional.empty();
  }
}
