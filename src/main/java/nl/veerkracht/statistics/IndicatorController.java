package nl.veerkracht.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.statistics.domain.Indicator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

@RestController
@RequestMapping("/api/indicators")
@Tag(name = "Public data")
public class IndicatorController {

  private final StatisticsCatalogue catalogue;

  public IndicatorController(StatisticsCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping
  @Operation(
      summary = "The indicator catalogue; with level and year, only indicators with figures there")
  public List<IndicatorView> list(
      @RequestParam(required = false) String level,
      @RequestParam(required = false) Integer year,
      jakarta.servlet.http.HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    List<Indicator> list =
        level != null && year != null ? catalogue.withData(prefix(level), year) : catalogue.list();
    return list.stream().map(i -> IndicatorView.of(i, locale)).toList();
  }

  /** The code prefix of a level name ({@code gemeente} → {@code GM}). */
  static String prefix(String level) {
    return switch (level.toLowerCase(Locale.ROOT)) {
      case "gemeente" -> "GM";
      case "wijk" -> "WK";
      case "buurt" -> "BU";
      default ->
          throw new nl.veerkracht.common.BadRequestException(
              nl.veerkracht.common.Text.msg("error.map.level"));
    };
  }
}
