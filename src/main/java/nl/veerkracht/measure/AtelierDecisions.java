package nl.veerkracht.measure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What an atelier decided, as the planning step reads it: a measure of a problem area with its
 * votes and rank among the area's measures (ties share a rank, as on the atelier's results page),
 * the problem area's buurten, complexes and pins. The atelier room answers it (it owns the tables
 * and sits above this room): {@code atelier.AtelierDecisionRepository}.
 */
public interface AtelierDecisions {

  /** One ranked measure of an atelier's problem area. */
  public record Decision(
      long atelierMeasureId,
      long atelierId,
      long corporationId,
      String atelierName,
      LocalDate heldOn,
      long problemAreaId,
      String problemAreaName,
      String title,
      String lever,
      String description,
      int votes,
      int rank,
      int pins,
      List<String> buurtCodes,
      List<String> complexCodes) {}

  /** The atelier measure with this id, ranked among its problem area's measures. */
  Optional<Decision> find(long atelierMeasureId);
}
