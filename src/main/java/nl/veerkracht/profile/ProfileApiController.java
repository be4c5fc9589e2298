package nl.veerkracht.profile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.Membership;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Complex profiles and own shares: staff of the corporation only (403 for anyone else). */
@RestController
@Tag(name = "Own stock")
public class ProfileApiController {

  private final ProfileService profiles;
  private final ProfileViews views;

  public ProfileApiController(ProfileService profiles, ProfileViews views) {
    this.profiles = profiles;
    this.views = views;
  }

  @GetMapping("/api/complexes/{code}/profile")
  @Operation(
      summary =
          "A complex's profile: unit-weighted buurt figures (lbm_class, pct_corporation_rent,"
              + " veerkracht_signal, ...), MJOB for five years, rents against the dated limits,"
              + " turnover, allocations and own signals. audience=resident applies the"
              + " small-numbers rule and leaves out money amounts.")
  public ComplexProfile profile(
      @PathVariable String code,
      @RequestParam String corporation,
      @RequestParam(required = false) String type,
      @RequestParam(defaultValue = "staff") String audience,
      @RequestParam(required = false) Integer from) {
    Membership m = views.staff(corporation);
    Audience a =
        Audience.parse(audience)
            .orElseThrow(() -> new BadRequestException(Text.msg("error.profile.audience")));
    if (from != null && (from < 1900 || from > 2200)) {
      throw new BadRequestException(Text.msg("error.profile.from"));
    }
    String t =
        type == null ? profiles.defaultType(m) : nl.veerkracht.stock.ClusterTypes.require(type);
    return profiles.complex(m, t, code.strip(), a, from);
  }

  @GetMapping("/api/stock/areas")
  @Operation(
      summary =
          "Per buurt: own units, CBS dwellings, own share and band, next to the CBS share of"
              + " corporation homes and its band")
  public List<OwnShareView> ownShares(@RequestParam String corporation) {
    Membership m = views.staff(corporation);
    return profiles.ownShares(m);
  }

  @GetMapping(value = "/api/stock/complexes.geojson", produces = "application/geo+json")
  @Operation(summary = "The corporation's complexes as points (mean position of their units)")
  public java.util.Map<String, Object> complexPoints(@RequestParam String corporation) {
    Membership m = views.staff(corporation);
    String type = profiles.defaultType(m);
    List<java.util.Map<String, Object>> features = new java.util.ArrayList<>();
    for (ProfileRepository.ComplexPoint p : profiles.complexPoints(m, type)) {
      java.util.Map<String, Object> props = new java.util.LinkedHashMap<>();
      props.put("code", p.code());
      props.put("name", p.name());
      props.put("units", p.units());
      props.put(
          "href", "/voorraad/" + type + "/" + p.code() + "?corporation=" + m.corporationCode());
      features.add(
          java.util.Map.of(
              "type",
              "Feature",
              "properties",
              props,
              "geometry",
              java.util.Map.of(
                  "type",
                  "Point",
                  "coordinates",
                  List.of(Math.round(p.lon() * 1e6) / 1e6, Math.round(p.lat() * 1e6) / 1e6))));
    }
    return java.util.Map.of("type", "FeatureCollection", "features", features);
  }
}
