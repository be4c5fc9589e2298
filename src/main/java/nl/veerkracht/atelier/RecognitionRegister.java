package nl.veerkracht.atelier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.common.Text;
import org.springframework.stereotype.Service;

/**
 * The register of what rooms recognised — the gap between the figures and experience. Every
 * herkenbaar / niet herkenbaar / weet niet on a figure card is kept per area, figure, year and
 * group, next to the value the room judged; the area's page shows it to staff with the remarks, a
 * page lists the figures rooms did not recognise, and partners read the counts of ateliers shared
 * with them (never the remarks).
 */
@Service
public class RecognitionRegister {

  /** The answers of one atelier on one figure for one area. */
  public record Judged(
      long atelierId,
      String atelierName,
      LocalDate heldOn,
      int year,
      String areaCode,
      String areaName,
      String card,
      Text figure,
      Integer figureYear,
      Text value,
      Map<String, Integer> counts,
      Map<String, Map<String, Integer>> byGroup,
      List<String> remarks) {

    public int recognised() {
      return counts.getOrDefault("RECOGNISED", 0);
    }

    public int notRecognised() {
      return counts.getOrDefault("NOT_RECOGNISED", 0);
    }

    public int dontKnow() {
      return counts.getOrDefault("DONT_KNOW", 0);
    }

    /** More said "niet herkenbaar" than "herkenbaar". */
    public boolean notRecognisedByTheRoom() {
      return notRecognised() > recognised();
    }
  }

  private final RecognitionRepository repository;
  private final AreaRepository areas;
  private final Set<String> snapshotted = ConcurrentHashMap.newKeySet();

  public RecognitionRegister(RecognitionRepository repository, AreaRepository areas) {
    this.repository = repository;
    this.areas = areas;
  }

  /** A room answered a card: the values it judged are kept (once per atelier and card). */
  void answered(Atelier a, String card) {
    if (snapshotted.add(a.id() + "\n" + card)) {
      repository.snapshot(a.id(), card, a.areaCodes());
    }
  }

  /**
   * What rooms of these corporations said about the figures of one area (or, {@code area} null, of
   * every area), oldest atelier first; only the ateliers {@code ateliers} when not null; remarks
   * only with {@code remarks} (masked where they name a household, until approved).
   */
  public List<Judged> judged(
      Collection<Long> corporations, Collection<Long> ateliers, String area, boolean remarks) {
    if (corporations.isEmpty()) {
      return List.of();
    }
    Map<String, List<RecognitionRepository.Row>> grouped = new LinkedHashMap<>();
    Set<String> codes = new LinkedHashSet<>();
    for (RecognitionRepository.Row r : repository.rows(corporations, ateliers, area)) {
      grouped
          .computeIfAbsent(
              r.atelierId() + "|" + r.areaCode() + "|" + r.card(), k -> new ArrayList<>())
          .add(r);
      codes.add(r.areaCode());
    }
    Map<String, String> names = areas.names(codes);
    List<Judged> out = new ArrayList<>();
    for (List<RecognitionRepository.Row> rows : grouped.values()) {
      RecognitionRepository.Row first = rows.get(0);
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (String k : List.of("RECOGNISED", "NOT_RECOGNISED", "DONT_KNOW")) {
        counts.put(k, 0);
      }
      List<String> said = new ArrayList<>();
      for (RecognitionRepository.Row r : rows) {
        counts.merge(r.answer(), 1, Integer::sum);
        if (remarks && r.remark() != null && !r.remark().isBlank()) {
          said.add(PrivacyGuard.shown(r.remark(), r.remarkMasked(), r.remarkApproved()));
        }
      }
      out.add(
          new Judged(
              first.atelierId(),
              first.atelierName(),
              first.heldOn(),
              first.year(),
              first.areaCode(),
              names.getOrDefault(first.areaCode(), first.areaCode()),
              first.card(),
              Text.msg("atelier.card." + first.card() + ".title"),
              first.figureYear(),
              first.value() == null ? null : FigureCards.format(first.card(), first.value()),
              counts,
              byGroup(rows),
              said));
    }
    return out;
  }

  /**
   * Answers per group; a group of fewer than {@link AtelierViews#MIN_GROUP} answers is counted in
   * "overige", and left out while those together are still fewer.
   */
  static Map<String, Map<String, Integer>> byGroup(List<RecognitionRepository.Row> rows) {
    Map<String, Integer> sizes = new HashMap<>();
    rows.stream()
        .filter(r -> r.groupKind() != null)
        .forEach(r -> sizes.merge(r.groupKind(), 1, Integer::sum));
    int small =
        sizes.values().stream().filter(n -> n < AtelierViews.MIN_GROUP).mapToInt(n -> n).sum();
    Map<String, Map<String, Integer>> out = new TreeMap<>();
    for (RecognitionRepository.Row r : rows) {
      if (r.groupKind() == null) {
        continue;
      }
      String shown =
          sizes.get(r.groupKind()) >= AtelierViews.MIN_GROUP
              ? r.groupKind()
              : small >= AtelierViews.MIN_GROUP ? AtelierViews.OTHER_GROUP : null;
      if (shown != null) {
        out.computeIfAbsent(shown, g -> new LinkedHashMap<>()).merge(r.answer(), 1, Integer::sum);
      }
    }
    return out;
  }
}
