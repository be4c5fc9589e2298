package nl.veerkracht.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own API tokens: make one (the secret is shown once), list them, revoke one. */
@RestController
@Tag(name = "API tokens")
public class ApiTokenController {

  private final ApiTokens tokens;

  public ApiTokenController(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @PostMapping("/api/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Make an API token for a script or GIS client; the token is shown this once",
      description =
          "Send it as 'Authorization: Bearer vkt_…'. It acts as your account, with its roles and"
              + " corporations.")
  public ApiTokens.Created create(@RequestBody(required = false) TokenRequest body) {
    return tokens.create(body == null ? null : body.name());
  }

  @GetMapping("/api/tokens")
  @Operation(summary = "Your API tokens (without their secrets)")
  public List<ApiTokens.TokenView> list() {
    return tokens.list();
  }

  @DeleteMapping("/api/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke one of your API tokens")
  public void revoke(@PathVariable long id) {
    tokens.revoke(id);
  }
}
