package nl.veerkracht.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import nl.veerkracht.common.Text;
import nl.veerkracht.measure.PlannedMeasure;
import nl.veerkracht.plan.PlanContent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The partner's lens on an approved plan as a table, without a server: each field of a measure →
 * whether a gemeente or tenants' organisation reads it. What is planned and agreed is shared; what
 * it costs, the MJOB lines it took up, the streefhuur and the analysts' warnings are not.
 */
class PartnerLensTest {

  static final PlanContent.Entry FULL =
      new PlanContent.Entry(
          42,
          "Portiekgesprekken",
          "sociaal_beheer",
          "Elke maand met de bewoners",
          "PLANNED",
          2027,
          2028,
          "Woonstichting Voorbeeld",
          "Gemeente Amersfoort",
          "Aanpak Kruiskamp",
          List.of(new PlanContent.CostEntry("per_home_once", new BigDecimal("32000"))),
          24,
          "2026-01-01",
          Map.of(2027, new BigDecimal("768000")),
          new BigDecimal("768000"),
          new PlannedMeasure.Target("lbm_score", 4.2, 2030),
          new BigDecimal("712.50"),
          List.of(new PlanContent.MjobEntry(2027, null, "Schilderwerk", new BigDecimal("18000"))),
          List.of(Text.msg("error.noArea", "code", "BU0")));

  static final PlanContent PLAN =
      new PlanContent(
          "DEMO",
          "Woonstichting Voorbeeld",
          "complex",
          "C0025",
          "Kruiskamp-Noord",
          24,
          "Samen aan de slag",
          "Prestatieafspraken 2026",
          List.of(),
          List.of(),
          List.of(FULL),
          List.of("Gemeente Amersfoort"),
          List.of("CBS Kerncijfers wijken en buurten 2024", "MJOB 2026"),
          new BigDecimal("768000"));

  @ParameterizedTest(name = "{0}: shared {1}")
  @CsvSource({
    "id, true",
    "title, true",
    "lever, true",
    "description, true",
    "status, true",
    "startYear, true",
    "endYear, true",
    "owner, true",
    "partners, true",
    "packageName, true",
    "units, true",
    "unitsCountedOn, true",
    "target, true",
    "costs, false",
    "perYear, false",
    "total, false",
    "streefhuurEuro, false",
    "mjob, false",
    "warnings, false",
  })
  void aMeasureAsAPartnerReadsIt(String field, boolean shared) throws Exception {
    PlanContent.Entry seen = PartnerViews.redacted(PLAN).measures().get(0);
    Object original = value(FULL, field);
    Object partner = value(seen, field);
    if (shared) {
      assertThat(partner).isEqualTo(original);
    } else {
      assertThat(original).as("the full plan holds " + field).satisfies(PartnerLensTest::present);
      assertThat(
              partner == null
                  || partner instanceof Collection<?> c && c.isEmpty()
                  || partner instanceof Map<?, ?> m && m.isEmpty())
          .as(field + " kept from the partner")
          .isTrue();
    }
  }

  @ParameterizedTest(name = "plan {0}: shared {1}")
  @CsvSource({
    "corporationName, true",
    "scopeName, true",
    "units, true",
    "summary, true",
    "agreements, true",
    "partners, true",
    "total, false",
  })
  void aPlanAsAPartnerReadsIt(String field, boolean shared) throws Exception {
    Object partner = value(PartnerViews.redacted(PLAN), field);
    assertThat(partner == null).isEqualTo(!shared);
    if (shared) {
      assertThat(partner).isEqualTo(value(PLAN, field));
    }
  }

  @org.junit.jupiter.api.Test
  void sourcesLoseTheMjob() {
    assertThat(PartnerViews.redacted(PLAN).sources())
        .containsExactly("CBS Kerncijfers wijken en buurten 2024");
  }

  static Object value(Record r, String field) throws Exception {
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      if (c.getName().equals(field)) {
        return c.getAccessor().invoke(r);
      }
    }
    throw new IllegalArgumentException("no field " + field);
  }

  static void present(Object o) {
    assertThat(o).isNotNull();
    if (o instanceof Collection<?> c) {
      assertThat(c).isNotEmpty();
    }
    if (o instanceof Map<?, ?> m) {
      assertThat(m).isNotEmpty();
    }
  }
}
