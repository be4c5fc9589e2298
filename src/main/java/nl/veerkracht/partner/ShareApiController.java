package nl.veerkracht.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nl.veerkracht.security.Organisations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A corporation shares areas and complexes (their plans and ateliers) with partner organisations.
 */
@RestController
@Tag(name = "Partners")
public class ShareApiController {

  private final Sharing sharing;
  private final Organisations organisations;

  public ShareApiController(Sharing sharing, Organisations organisations) {
    this.sharing = sharing;
    this.organisations = organisations;
  }

  @GetMapping("/api/shares")
  @Operation(summary = "What the corporation shares with which partner organisation")
  public List<PartnerShareRepository.Share> list(
      @RequestParam(required = false) String corporation) {
    return sharing.list(corporation);
  }

  @PostMapping("/api/shares")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Share an area or complex with a partner organisation (managers)",
      description =
          "{corporation, organisation, areaCode | complexCode}. The organisation's partner accounts"
              + " then read the approved beheerplannen of the area (and the areas and complexes"
              + " within it) or of the complex, and the ateliers held there; no amounts, MJOB lines"
              + " or rents, and never a draft.")
  public PartnerShareRepository.Share share(@RequestBody ShareRequest body) {
    return sharing.share(body);
  }

  @DeleteMapping("/api/shares/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Take a share back (managers)")
  public void revoke(@PathVariable long id) {
    sharing.revoke(id);
  }

  @GetMapping("/api/organisations")
  @Operation(summary = "The partner organisations a corporation can share with")
  public List<Organisations.Organisation> organisations() {
    return organisations.forStaff();
  }
}
