package nl.veerkracht.corporation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.security.UserAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/corporations")
@Tag(name = "Corporations")
public class CorporationController {

  private final CorporationRepository corporations;
  private final CurrentUser currentUser;
  private final UserAccounts accounts;

  public CorporationController(
      CorporationRepository corporations, CurrentUser currentUser, UserAccounts accounts) {
    this.corporations = corporations;
    this.currentUser = currentUser;
    this.accounts = accounts;
  }

  @GetMapping
  @Operation(summary = "Corporations on this server: all for an administrator, otherwise your own")
  public List<Corporation> list() {
    if (currentUser.isAdministrator()) {
      return corporations.list();
    }
    Set<Long> mine =
        currentUser.memberships().stream()
            .map(Membership::corporationId)
            .collect(Collectors.toSet());
    return corporations.list().stream().filter(c -> mine.contains(c.id())).toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  @Operation(summary = "Create a corporation (administrator); administrators become its analysts")
  public Corporation create(@RequestBody NewCorporation body) {
    currentUser.requireAdministrator();
    if (body == null || body.code() == null || body.name() == null) {
      throw new BadRequestException(
          "Give a code and a name, e.g. {\"code\":\"WBV\",\"name\":\"Woonbron\"}");
    }
    String code = body.code().trim().toUpperCase(java.util.Locale.ROOT);
    String name = body.name().strip();
    if (!code.matches("[A-Z0-9][A-Z0-9_-]{1,31}")) {
      throw new BadRequestException(
          "A corporation code has 2 to 32 capital letters, digits, '-' or '_' (got '"
              + body.code()
              + "')");
    }
    if (name.isEmpty() || name.length() > 200) {
      throw new BadRequestException("A corporation name has 1 to 200 characters");
    }
    if (corporations.findByCode(code).isPresent()) {
      throw new BadRequestException("Corporation " + code + " exists already");
    }
    Corporation created = corporations.create(code, name, false);
    accounts.grantAdministrators(created.id(), Membership.Role.ANALYST);
    return created;
  }
}
