package nl.veerkracht.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and their memberships of corporations (administrators only). */
@RestController
@Tag(name = "Administration")
public class UserAdminController {

  private final UserAdministration administration;
  private final Organisations organisations;

  public UserAdminController(UserAdministration administration, Organisations organisations) {
    this.administration = administration;
    this.organisations = organisations;
  }

  @GetMapping("/api/admin/organisations")
  @Operation(summary = "Partner organisations (gemeente, police, care, welfare)")
  public List<Organisations.Organisation> organisations() {
    return organisations.all();
  }

  @PostMapping("/api/admin/organisations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a partner organisation",
      description =
          "{code, name, kind}: kind is GEMEENTE, HUURDERS, POLITIE, ZORG, WELZIJN or OVERIG. Partner accounts"
              + " of it are made with POST /api/admin/users and organisation=CODE.")
  public Organisations.Organisation createOrganisation(@RequestBody NewOrganisation body) {
    return organisations.create(
        body == null ? null : body.code(),
        body == null ? null : body.name(),
        body == null ? null : body.kind());
  }

  @GetMapping("/api/admin/users")
  @Operation(summary = "All accounts with their memberships")
  public List<UserView> list() {
    return administration.list();
  }

  @PostMapping("/api/admin/users")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Create an account, with roles in corporations, or (organisation=CODE) a partner account")
  public UserView create(@RequestBody NewUser body) {
    return administration.create(body);
  }

  @PutMapping("/api/admin/users/{username}/memberships/{corporation}")
  @Operation(
      summary = "Give an account a role (ANALYST, FACILITATOR, MANAGER, VIEWER) in a corporation")
  public UserView grant(
      @PathVariable String username, @PathVariable String corporation, @RequestParam String role) {
    return administration.grant(username, corporation, role);
  }

  @DeleteMapping("/api/admin/users/{username}/memberships/{corporation}")
  @Operation(summary = "Take an account's role in a corporation away")
  public UserView revoke(@PathVariable String username, @PathVariable String corporation) {
    return administration.revoke(username, corporation);
  }

  @PutMapping("/api/admin/users/{username}/data-steward")
  @Operation(
      summary =
          "Let an account write public data (CBS, Kadaster, Leefbaarometer) that every"
              + " corporation sees (true), or not (false)")
  public UserView dataSteward(@PathVariable String username, @RequestParam boolean value) {
    return administration.setDataSteward(username, value);
  }

  @PutMapping("/api/admin/users/{username}/enabled")
  @Operation(summary = "Allow (true) or stop (false) an account's logins")
  public UserView enable(@PathVariable String username, @RequestParam boolean enabled) {
    return administration.setEnabled(username, enabled);
  }
}
