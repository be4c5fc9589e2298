package nl.veerkracht.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import nl.veerkracht.atelier.FigureCards;
import nl.veerkracht.common.Text;
import nl.veerkracht.measure.PlannedMeasure;

/**
 * Everything a beheerplan says, as one value: the draft is built from the data now, an approved
 * version is this value frozen as JSON. Two contents are the same plan when their JSON is.
 *
 * @param scopeKind {@code area} or {@code complex}
 * @param units the corporation's units in the scope
 * @param context figure cards of the scope's buurten (with the gemeente), with year and source
 * @param partners every partner named by a measure, once
 * @param sources where the figures and decisions come from
 */
public record PlanContent(
    String corporationCode,
    String corporationName,
    String scopeKind,
    String scopeCode,
    String scopeName,
    int units,
    String summary,
    String agreements,
    List<FigureCards.Card> context,
    List<AtelierOutcome> ateliers,
    List<Entry> measures,
    List<String> partners,
    List<String> sources,
    BigDecimal total) {

  /** An atelier decision a measure of the plan came from. */
  public record AtelierOutcome(
      long atelierId,
      String atelierName,
      String heldOn,
      String problemArea,
      String measure,
      int votes,
      int rank,
      int pins) {}

  /** A measure as the plan shows it. */
  public record Entry(
      long id,
      String title,
      String lever,
      String description,
      String status,
      int startYear,
      int endYear,
      String owner,
      String partners,
      String packageName,
      List<CostEntry> costs,
      int units,
      String unitsCountedOn,
      Map<Integer, BigDecimal> perYear,
      BigDecimal total,
      PlannedMeasure.Target target,
      BigDecimal streefhuurEuro,
      List<MjobEntry> mjob,
      List<Text> warnings) {

    /** A measure as the plan freezes it, with the MJOB lines it took up and its warnings. */
    static Entry of(PlannedMeasure p, List<MjobEntry> lines, List<Text> warnings) {
      return new Entry(
          p.id(),
          p.title(),
          p.lever(),
          p.description(),
          p.status(),
          p.startYear(),
          p.endYear(),
          p.owner(),
          p.partners(),
          p.packageName(),
          p.costs().stream().map(c -> new CostEntry(c.kind().id(), c.amountEuro())).toList(),
          p.units(),
          p.unitsCountedOn().toString(),
          p.perYear(),
          p.total(),
          p.target(),
          p.streefhuurEuro(),
          lines,
          warnings);
    }
  }

  public record CostEntry(String kind, BigDecimal amountEuro) {}

  /** An MJOB line the measure took up; {@code movedTo} is null when it keeps its year. */
  public record MjobEntry(int year, Integer movedTo, String activity, BigDecimal costEuro) {}
}
