package nl.veerkracht.atelier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changing an atelier while it runs (facilitator): its settings, problem areas and measures. Every
 * change reaches every screen at once and is audited.
 */
@RestController
@RequestMapping("/api/ateliers")
@Tag(name = "Ateliers")
public class AtelierEditApiController {

  private final AtelierEdits edits;
  private final AtelierAccess access;
  private final AtelierTiles tiles;

  public AtelierEditApiController(AtelierEdits edits, AtelierAccess access, AtelierTiles tiles) {
    this.edits = edits;
    this.access = access;
    this.tiles = tiles;
  }

  @PostMapping("/{id}/tiles")
  @Operation(
      summary = "Fetch the base map over the atelier's buurten into Veerkracht's tile cache",
      description =
          "For the zoom levels a room uses (veerkracht.tiles.prefetch-min-zoom/max-zoom); answers"
              + " the number of tiles and bytes, how many were fetched, kept already or failed.")
  public nl.veerkracht.map.TileCache.Prefetched prefetchTiles(
      @PathVariable long id, HttpServletRequest request) {
    return tiles.prefetch(access.resolve(request, id));
  }

  @PutMapping("/{id}")
  @Operation(
      summary = "Change an atelier's settings (facilitator)",
      description =
          "name, heldOn, startsAt (19:30), place, contact, votesPerParticipant, requireApproval,"
              + " cards, layers, categories, themes, groups; a field left out stays. A category,"
              + " theme or group in use cannot leave its list; the votes cannot go below what a"
              + " participant already spent.")
  public Map<String, Object> settings(
      @PathVariable long id,
      @RequestBody(required = false) AtelierRequests.Settings body,
      HttpServletRequest request) {
    Atelier a = edits.settings(access.resolve(request, id), body);
    return Map.of("id", a.id(), "name", a.name());
  }

  @PutMapping("/{id}/problem-areas/{areaId}")
  @Operation(summary = "Change a problem area: name, buurten, complexes, pins or outline")
  public Map<String, Object> problemArea(
      @PathVariable long id,
      @PathVariable long areaId,
      @RequestBody(required = false) AtelierRequests.ProblemAreaEdit body,
      HttpServletRequest request) {
    edits.problemArea(access.resolve(request, id), areaId, body);
    return Map.of("id", areaId);
  }

  @DeleteMapping("/{id}/problem-areas/{areaId}")
  @Operation(
      summary = "Delete a problem area with its measures; the votes on them go back to the voters")
  public Map<String, Object> deleteProblemArea(
      @PathVariable long id, @PathVariable long areaId, HttpServletRequest request) {
    return Map.of("votesReturned", edits.deleteProblemArea(access.resolve(request, id), areaId));
  }

  @PutMapping("/{id}/measures/{measureId}")
  @Operation(summary = "Change a measure: title, lever (hefboom) or description")
  public Map<String, Object> measure(
      @PathVariable long id,
      @PathVariable long measureId,
      @RequestBody(required = false) AtelierRequests.MeasureEdit body,
      HttpServletRequest request) {
    edits.measure(access.resolve(request, id), measureId, body);
    return Map.of("id", measureId);
  }

  @DeleteMapping("/{id}/measures/{measureId}")
  @Operation(summary = "Delete a measure; the votes on it go back to the voters")
  public Map<String, Object> deleteMeasure(
      @PathVariable long id, @PathVariable long measureId, HttpServletRequest request) {
    return Map.of("votesReturned", edits.deleteMeasure(access.resolve(request, id), measureId));
  }
}
