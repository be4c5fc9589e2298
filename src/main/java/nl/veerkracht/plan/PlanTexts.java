package nl.veerkracht.plan;

import static nl.veerkracht.web.PdfStyle.t;

import java.math.BigDecimal;
import java.util.Locale;
import nl.veerkracht.atelier.FigureCards;
import nl.veerkracht.common.Text;
import nl.veerkracht.measure.PlannedMeasure;

/** The sentences the beheerplan's page, PDF and XLSX share. */
public final class PlanTexts {

  private PlanTexts() {}

  /** "Versie 2 · goedgekeurd door anna op 2026-12-02" or "Versie 3 · concept". */
  public static String version(PlanService.Shown s, Locale locale) {
    return s.approved() == null
        ? t(locale, "plan.version.draft", "version", s.version())
        : t(
            locale,
            "plan.version.approved",
            "version",
            s.version(),
            "by",
            s.approved().approvedBy(),
            "on",
            s.approved()
                .approvedAt()
                .atZone(java.time.ZoneId.of("Europe/Amsterdam"))
                .toLocalDate());
  }

  public static String euro(BigDecimal amount, Locale locale) {
    return Text.euro(amount.doubleValue(), 2).in(locale);
  }

  public static String target(PlannedMeasure.Target target, Locale locale) {
    if (target == null) {
      return "–";
    }
    return t(
        locale,
        "measure.target.text",
        "indicator",
        target.indicator(),
        "value",
        Text.grouped(target.value(), target.value() == Math.rint(target.value()) ? 0 : 2),
        "year",
        target.year());
  }

  public static String mjob(PlanContent.MjobEntry l, Locale locale) {
    return t(
        locale,
        l.movedTo() == null || l.movedTo() == l.year() ? "measure.mjob.kept" : "measure.mjob.moved",
        "activity",
        l.activity(),
        "year",
        l.year(),
        "to",
        l.movedTo() == null ? l.year() : l.movedTo(),
        "cost",
        Text.euro(l.costEuro().doubleValue(), 2));
  }

  public static Text outcome(PlanContent.AtelierOutcome o, Locale locale) {
    return Text.msg(
        "plan.atelier.outcome",
        "atelier",
        o.atelierName(),
        "date",
        o.heldOn() == null ? "" : " (" + o.heldOn() + ")",
        "area",
        o.problemArea(),
        "measure",
        o.measure(),
        "rank",
        o.rank(),
        "votes",
        o.votes(),
        "pins",
        o.pins());
  }

  public static String values(FigureCards.Card card, Locale locale) {
    StringBuilder out = new StringBuilder();
    for (FigureCards.Value v : card.values()) {
      out.append(v.name())
          .append(": ")
          .append(v.value() == null ? t(locale, "atelier.card.unknown") : v.value().in(locale))
          .append(v.year() == null ? "" : " (" + v.year() + ")")
          .append("; ");
    }
    if (card.gemeente() != null && card.gemeente().value() != null) {
      out.append(card.gemeente().name())
          .append(": ")
          .append(card.gemeente().value().in(locale))
          .append(card.gemeente().year() == null ? "" : " (" + card.gemeente().year() + ")");
    }
    return out.toString();
  }
}
