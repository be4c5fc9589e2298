package nl.veerkracht.corporation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
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

  private final CorporationAdministration administration;

  public CorporationController(CorporationAdministration administration) {
    this.administration = administration;
  }

  @GetMapping
  @Operation(summary = "Corporations on this server: all for an administrator, otherwise your own")
  public List<Corporation> list() {
    return administration.visible();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a corporation (administrator)",
      description =
          "Body: {code, name, join?}. With join (the default in the API, for scripts that load the"
              + " corporation's data next) the administrator who creates it becomes its analyst;"
              + " join=false leaves it without staff. The admin page asks.")
  public Corporation create(@RequestBody NewCorporation body) {
    return administration.create(body);
  }
}
