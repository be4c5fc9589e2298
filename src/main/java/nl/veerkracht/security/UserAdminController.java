package nl.veerkracht.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.common.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and their memberships of corporations (administrators only). */
@RestController
@Tag(name = "Administration")
public class UserAdminController {

  private final UserAccounts accounts;
  private final CurrentUser currentUser;
  private final JdbcClient jdbc;

  public UserAdminController(UserAccounts accounts, CurrentUser currentUser, JdbcClient jdbc) {
    this.accounts = accounts;
    this.currentUser = currentUser;
    this.jdbc = jdbc;
  }

  @GetMapping("/api/admin/users")
  @Operation(summary = "All accounts with their memberships")
  public List<UserView> list() {
    currentUser.requireAdministrator();
    return accounts.list().stream()
        .map(
            a ->
                new UserView(
                    a.username(),
                    a.displayName(),
                    a.administrator(),
                    currentUser.membershipsOf(a.username())))
        .toList();
  }

  @PostMapping("/api/admin/users")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  @Operation(summary = "Create an account, with roles in corporations")
  public UserView create(@RequestBody NewUser body) {
    currentUser.requireAdministrator();
    if (body == null
        || body.username() == null
        || !body.username().matches("[A-Za-z0-9._@-]{2,64}")) {
      throw new BadRequestException("A username has 2 to 64 letters, digits, '.', '_', '@' or '-'");
    }
    if (body.password() == null || body.password().length() < 8) {
      throw new BadRequestException("A password needs at least 8 characters");
    }
    if (accounts.findByUsername(body.username()).isPresent()) {
      throw new BadRequestException("User " + body.username() + " exists already");
    }
    long id =
        accounts.create(
            body.username(),
            body.password(),
            body.displayName(),
            Boolean.TRUE.equals(body.administrator()));
    for (NewMembership m :
        body.memberships() == null ? List.<NewMembership>of() : body.memberships()) {
      Membership.Role role;
      try {
        role = Membership.Role.valueOf(m.role().toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new BadRequestException(
            "Unknown role '" + m.role() + "' (ANALYST, FACILITATOR, MANAGER, VIEWER)");
      }
      Long corporationId =
          jdbc.sql("SELECT id FROM corporation WHERE code = ?")
              .param(m.corporation().toUpperCase(Locale.ROOT))
              .query(Long.class)
              .optional()
              .orElseThrow(() -> new BadRequestException("No corporation " + m.corporation()));
      accounts.grant(id, corporationId, role);
    }
    return new UserView(
        body.username(),
        body.displayName(),
        Boolean.TRUE.equals(body.administrator()),
        currentUser.membershipsOf(body.username()));
  }
}
