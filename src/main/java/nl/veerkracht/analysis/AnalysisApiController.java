package nl.veerkracht.analysis;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import nl.veerkracht.analysis.domain.PeerGroups;
import nl.veerkracht.area.AreaNames;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The analysis settings, its last run, recomputation and peer groups. */
@RestController
@Tag(name = "Analysis")
public class AnalysisApiController {

  private final AnalysisService analysis;
  private final AreaNames areas;

  public AnalysisApiController(AnalysisService analysis, AreaNames areas) {
    this.analysis = analysis;
    this.areas = areas;
  }

  @GetMapping("/api/analysis/settings")
  @Operation(summary = "The weights, inputs and thresholds in force, and the last run")
  public SettingsView settings() {
    return new SettingsView(analysis.settings(), analysis.lastRun().orElse(null), "/methode");
  }

  @PostMapping("/api/admin/analysis/recompute")
  @Operation(summary = "Recompute all derived indicators now (administrators)")
  public AnalysisService.Run recompute() {
    return analysis.recomputeAsked();
  }

  @GetMapping("/api/areas/{code}/peers")
  @Operation(
      summary =
          "The most similar buurten nationally (urbanity, inhabitants, corporation share,"
              + " vulnerability), nearest first")
  public PeersView peers(@PathVariable String code, @RequestParam(defaultValue = "10") int n) {
    if (n < 1 || n > 100) {
      throw new BadRequestException(Text.msg("error.analysis.n"));
    }
    String c =
        nl.veerkracht.area.domain.AreaCode.parse(code)
            .map(nl.veerkracht.area.domain.AreaCode::value)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        Text.msg("error.analysis.buurtCode", "code", String.valueOf(code))));
    PeerGroups groups = analysis.peers();
    Map<String, Double> features =
        groups
            .features(c)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        Text.msg("error.analysis.noPeers", "code", String.valueOf(c))));
    List<PeerGroups.Peer> nearest = groups.nearest(c, n);
    Map<String, String> names = areas.names(nearest.stream().map(PeerGroups.Peer::code).toList());
    List<PeerView> peers =
        nearest.stream()
            .map(
                p ->
                    new PeerView(
                        p.code(),
                        names.get(p.code()),
                        p.distance(),
                        p.sharedFeatures(),
                        p.features()))
            .toList();
    return new PeersView(c, features, PeerGroups.FEATURES, peers);
  }
}
