package nl.veerkracht.atelier;

import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veerkracht.area.AreaNames;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register of what rooms recognised, for the corporation's staff. */
@RestController
public class RecognitionApiController {

  private final RecognitionRegister register;
  private final CurrentUser currentUser;
  private final AreaNames areas;

  public RecognitionApiController(
      RecognitionRegister register, CurrentUser currentUser, AreaNames areas) {
    this.register = register;
    this.currentUser = currentUser;
    this.areas = areas;
  }

  @GetMapping("/api/recognition")
  @Operation(
      summary = "What rooms recognised of an area's figures",
      description =
          "Per atelier (with its year) and figure: the value the room judged with its year, how"
              + " many said herkenbaar / niet herkenbaar / weet niet, per group (groups under 5"
              + " merged into 'overige') and the remarks. Ateliers of the caller's corporations.")
  public Map<String, Object> recognition(@RequestParam(required = false) String area) {
    String code = areaCode(area);
    List<Long> corporations =
        currentUser.memberships().stream().map(Membership::corporationId).toList();
    return answer(code, areas, register.judged(corporations, null, code, true));
  }

  /** The answer's shape, shared with the partner's reading (which has no remarks). */
  public static Map<String, Object> answer(
      String code, AreaNames areas, List<RecognitionRegister.Judged> judged) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("area", Map.of("code", code, "name", areas.name(code)));
    out.put("judged", judged);
    return out;
  }

  /** A CBS area code, or a refusal that says what one looks like. */
  public static String areaCode(String raw) {
    return AreaCode.parse(raw == null ? "" : raw.trim())
        .map(AreaCode::value)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    Text.msg("recognition.error.area", "code", raw == null ? "" : raw)));
  }
}
