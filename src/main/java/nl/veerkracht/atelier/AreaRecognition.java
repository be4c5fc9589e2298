package nl.veerkracht.atelier;

import java.util.List;
import nl.veerkracht.map.AreaRecognitionSource;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import org.springframework.stereotype.Component;

/** The register on an area's page: for staff, what their corporations' rooms recognised. */
@Component
class AreaRecognition implements AreaRecognitionSource {

  private final RecognitionRegister register;
  private final CurrentUser currentUser;

  AreaRecognition(RecognitionRegister register, CurrentUser currentUser) {
    this.register = register;
    this.currentUser = currentUser;
  }

  @Override
  public List<Recognition> forArea(String areaCode) {
    if (currentUser.findUsername().isEmpty()) {
      return List.of();
    }
    List<Long> corporations =
        currentUser.memberships().stream().map(Membership::corporationId).toList();
    return register.judged(corporations, null, areaCode, true).stream()
        .map(
            j ->
                new Recognition(
                    j.atelierId(),
                    j.atelierName(),
                    j.year(),
                    j.figure(),
                    j.figureYear(),
                    j.value(),
                    j.recognised(),
                    j.notRecognised(),
                    j.dontKnow(),
                    j.byGroup(),
                    j.remarks()))
        .toList();
  }
}
