package nl.veerkracht.map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.Text;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Map layers as GeoJSON (contract: {@code /api/map/{level}.geojson}). */
@RestController
@Tag(name = "Public data")
public class MapApiController {

  static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");

  private final MapService maps;

  public MapApiController(MapService maps) {
    this.maps = maps;
  }

  @GetMapping("/api/map/{level}.geojson")
  @Operation(
      summary = "Areas of a level as GeoJSON (WGS84) with an indicator's value, status and class")
  public ResponseEntity<byte[]> map(
      @PathVariable String level,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String within,
      @RequestParam(required = false) String indicator,
      @RequestParam(required = false) String detail,
      @RequestParam(required = false) String bbox,
      @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch,
      HttpServletRequest request) {
    AreaLevel l = level(level);
    Optional<AreaCode> w = within(within);
    Detail useDetail = null;
    if (detail != null && !detail.isBlank()) {
      useDetail =
          Detail.find(detail)
              .orElseThrow(() -> new BadRequestException(Text.msg("error.map.detail")));
    }
    MapService.MapDocument doc =
        maps.map(
            l, year, w, box(bbox), indicator, useDetail, RequestContextUtils.getLocale(request));
    CacheControl cache = CacheControl.maxAge(0, TimeUnit.SECONDS).cachePublic().mustRevalidate();
    if (matches(doc.etag(), ifNoneMatch)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
          .eTag(doc.etag())
          .cacheControl(cache)
          .build();
    }
    String accept = request.getHeader("Accept-Encoding");
    if (accept != null && accept.contains("gzip")) {
      return ResponseEntity.ok()
          .contentType(GEOJSON)
          .eTag(doc.etag())
          .cacheControl(cache)
          .header("Content-Encoding", "gzip")
          .header("Vary", "Accept-Encoding")
          .body(doc.gzip());
    }
    return ResponseEntity.ok()
        .contentType(GEOJSON)
        .eTag(doc.etag())
        .cacheControl(cache)
        .header("Vary", "Accept-Encoding")
        .body(doc.json().getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/api/map/{level}.csv")
  @Operation(summary = "The figures of a map as CSV (semicolons and decimal commas in Dutch)")
  public ResponseEntity<byte[]> csv(
      @PathVariable String level,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String within,
      @RequestParam(required = false) String indicator,
      HttpServletRequest request) {
    java.util.Locale locale = RequestContextUtils.getLocale(request);
    MapExports.Table t = table(level, year, within, indicator, locale, request);
    return download(MapExports.csv(t, locale), "text/csv;charset=UTF-8", fileName(t, "csv"));
  }

  @GetMapping("/api/map/{level}.xlsx")
  @Operation(summary = "The figures of a map as an Excel workbook")
  public ResponseEntity<byte[]> xlsx(
      @PathVariable String level,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String within,
      @RequestParam(required = false) String indicator,
      HttpServletRequest request) {
    java.util.Locale locale = RequestContextUtils.getLocale(request);
    MapExports.Table t = table(level, year, within, indicator, locale, request);
    return download(
        MapExports.xlsx(t, locale),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        fileName(t, "xlsx"));
  }

  private MapExports.Table table(
      String level,
      Integer year,
      String within,
      String indicator,
      java.util.Locale locale,
      HttpServletRequest request) {
    if (indicator == null || indicator.isBlank()) {
      throw new BadRequestException(Text.msg("error.map.exportIndicator"));
    }
    return MapExports.table(
        maps.map(
                level(level),
                year,
                within(within),
                Optional.empty(),
                indicator,
                null,
                RequestContextUtils.getLocale(request))
            .json());
  }

  private static AreaLevel level(String level) {
    return AreaLevel.find(level)
        .filter(x -> x != AreaLevel.LAND)
        .orElseThrow(() -> new BadRequestException(Text.msg("error.map.level")));
  }

  private static Optional<AreaCode> within(String within) {
    if (within == null || within.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        AreaCode.parse(within)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        Text.msg("error.map.withinCode", "code", String.valueOf(within)))));
  }

  /** Largest side of a box, in degrees: a box is for the detailed view of part of the map. */
  static final double MAX_BOX_DEGREES = 2.0;

  /** Parses {@code minLon,minLat,maxLon,maxLat}. */
  static Optional<double[]> box(String bbox) {
    if (bbox == null || bbox.isBlank()) {
      return Optional.empty();
    }
    String[] parts = bbox.split(",");
    double[] b = new double[4];
    try {
      if (parts.length != 4) {
        throw new NumberFormatException();
      }
      for (int i = 0; i < 4; i++) {
        b[i] = Double.parseDouble(parts[i].strip());
      }
    } catch (NumberFormatException e) {
      throw new BadRequestException(Text.msg("error.map.bbox"));
    }
    boolean ordered = b[0] < b[2] && b[1] < b[3];
    boolean onEarth = b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90;
    if (!ordered || !onEarth) {
      throw new BadRequestException(Text.msg("error.map.bbox"));
    }
    if (b[2] - b[0] > MAX_BOX_DEGREES || b[3] - b[1] > MAX_BOX_DEGREES) {
      throw new BadRequestException(
          Text.msg("error.map.bboxSize", "max", String.valueOf((int) MAX_BOX_DEGREES)));
    }
    return Optional.of(b);
  }

  /** Whether an If-None-Match header names this ETag (weak comparison, lists and * allowed). */
  static boolean matches(String etag, String ifNoneMatch) {
    if (ifNoneMatch == null) {
      return false;
    }
    String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || (c.startsWith("W/") ? c.substring(2) : c).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  private static String fileName(MapExports.Table t, String ext) {
    return "veerkracht_" + t.level() + "_" + t.indicatorId() + "_" + t.year() + "." + ext;
  }

  private static ResponseEntity<byte[]> download(byte[] body, String type, String name) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .body(body);
  }
}
