package nl.veerkracht.map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.Text;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public read API on areas and their figures (contract: {@code /api/areas}). */
@RestController
@RequestMapping("/api/areas")
@Tag(name = "Public data")
public class AreaApiController {

  private final AreaFigures figures;

  public AreaApiController(AreaFigures figures) {
    this.figures = figures;
  }

  @GetMapping
  @Operation(summary = "Areas of one level and year, optionally within a gemeente or wijk")
  public List<AreaSummary> list(
      @RequestParam String level,
      @RequestParam int year,
      @RequestParam(required = false) String within) {
    AreaLevel l =
        AreaLevel.find(level)
            .orElseThrow(() -> new BadRequestException(Text.msg("error.map.level")));
    Optional<AreaCode> w =
        within == null || within.isBlank() ? Optional.empty() : Optional.of(code(within));
    return figures.list(l, year, w).stream().map(AreaSummary::of).toList();
  }

  @GetMapping("/{code}")
  @Operation(summary = "An area with its figures of one year (default: the newest year held)")
  public AreaDetail get(@PathVariable String code, @RequestParam(required = false) Integer year) {
    return figures.detail(code(code), year);
  }

  @GetMapping("/{code}/series/{indicator}")
  @Operation(summary = "One indicator of an area over all years held")
  public List<SeriesPoint> series(@PathVariable String code, @PathVariable String indicator) {
    return figures.series(code(code), indicator);
  }

  static AreaCode code(String raw) {
    return AreaCode.parse(raw)
        .orElseThrow(
            () ->
                new BadRequestException(
                    Text.msg("error.map.areaCode", "code", String.valueOf(raw))));
  }
}
