package nl.veerkracht.agreement;

import java.time.Instant;
import java.util.List;

/**
 * A prestatieafspraak: what a corporation agreed with a gemeente and a tenants' organisation (and
 * any other partner organisation) for a period, over areas and complexes, with the measures that
 * carry it out (their targets give its status).
 */
public record Agreement(
    long id,
    long corporationId,
    String corporationCode,
    String corporationName,
    String title,
    String body,
    String gemeenteCode,
    String gemeenteName,
    int startYear,
    int endYear,
    String createdBy,
    Instant updatedAt,
    List<Party> parties,
    List<Scope> scopes,
    List<Long> measureIds) {

  /** A partner organisation that is a party (the corporation always is one). */
  public record Party(long organisationId, String code, String name, String kind) {}

  /**
   * An area (buurt, wijk or gemeente) or one complex the agreement covers.
   *
   * @param name the area's or complex's name (the code when it has none)
   */
  public record Scope(String areaCode, String complexCode, String name) {

    /** The name with the code after it. */
    public String label() {
      String code = areaCode != null ? areaCode : complexCode;
      return name == null || name.equals(code) ? code : name + " (" + code + ")";
    }
  }

  /** The gemeente's name with its code after it. */
  public String gemeenteLabel() {
    return gemeenteName == null ? gemeenteCode : gemeenteName + " (" + gemeenteCode + ")";
  }
}
