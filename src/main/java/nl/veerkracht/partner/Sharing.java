package nl.veerkracht.partner;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.security.Organisations;
import nl.veerkracht.stock.StockRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A corporation's side of sharing: its staff see what it shares with which organisation; its
 * managers share an area or complex (the scope of a beheerplan) and take a share back. What leaves
 * the corporation is a manager's call, like approving the plan. Every change is audited.
 */
@Service
public class Sharing {

  private final PartnerShareRepository shares;
  private final Organisations organisations;
  private final CurrentUser currentUser;
  private final CorporationRepository corporations;
  private final StockRepository stock;
  private final AreaRepository areas;
  private final AuditLog audit;

  public Sharing(
      PartnerShareRepository shares,
      Organisations organisations,
      CurrentUser currentUser,
      CorporationRepository corporations,
      StockRepository stock,
      AreaRepository areas,
      AuditLog audit) {
    this.shares = shares;
    this.organisations = organisations;
    this.currentUser = currentUser;
    this.corporations = corporations;
    this.stock = stock;
    this.areas = areas;
    this.audit = audit;
  }

  /** The caller's membership of the corporation (or the one they work on); refused unless staff. */
  public Membership staff(String corporation) {
    return currentUser.requireStaffOrDefault(corporation);
  }

  /** Everything the corporation shares, for its staff (any role). */
  public List<PartnerShareRepository.Share> list(String corporation) {
    return shares.ofCorporation(currentUser.requireStaffOrDefault(corporation).corporationId());
  }

  /**
   * Shares an area or complex with an organisation (managers only).
   *
   * @throws InvalidInputException for an unknown organisation, area or complex, or not exactly one
   *     of area and complex
   */
  @Transactional
  public PartnerShareRepository.Share share(ShareRequest request) {
    if (request == null) {
      throw new InvalidInputException(Text.msg("share.invalid.scope"));
    }
    Membership m = manager(request.corporation());
    Organisations.Organisation o =
        organisations
            .find(request.organisation())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        Text.msg(
                            "admin.error.noOrganisation",
                            "code",
                            String.valueOf(request.organisation()))));
    boolean area = request.areaCode() != null && !request.areaCode().isBlank();
    boolean complex = request.complexCode() != null && !request.complexCode().isBlank();
    if (area == complex) {
      throw new InvalidInputException(Text.msg("share.invalid.scope"));
    }
    String areaCode = null;
    Long clusterId = null;
    String scope;
    if (area) {
      areaCode = request.areaCode().trim().toUpperCase(Locale.ROOT);
      if (!areaCode.matches("BU[0-9]{8}|WK[0-9]{6}|GM[0-9]{4}")
          || areas.names(List.of(areaCode)).get(areaCode) == null) {
        throw new InvalidInputException(Text.msg("share.invalid.area", "code", areaCode));
      }
      scope = areaCode;
    } else {
      Corporation c = corporations.findById(m.corporationId()).orElseThrow();
      String code = request.complexCode().trim();
      clusterId =
          stock
              .cluster(c.id(), c.complexClusterType(), code)
              .orElseThrow(
                  () -> new InvalidInputException(Text.msg("share.invalid.complex", "code", code)))
              .id();
      scope = code;
    }
    long id =
        shares.insert(
            m.corporationId(),
            o.id(),
            areaCode,
            clusterId,
            currentUser.findUsername().orElseThrow());
    audit.record("share.create", m.corporationId(), o.code() + " " + scope, Map.of("id", id));
    return shares.find(id).orElseThrow();
  }

  /** Takes a share back (managers of its corporation only). */
  @Transactional
  public void revoke(long id) {
    PartnerShareRepository.Share s =
        shares
            .find(id)
            .filter(
                x ->
                    currentUser.memberships().stream()
                        .anyMatch(mm -> mm.corporationId() == x.corporationId()))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        Text.msg("error.partner.noShare", "id", String.valueOf(id))));
    manager(s.corporationCode());
    shares.delete(id);
    audit.record(
        "share.revoke",
        s.corporationId(),
        s.organisationCode() + " " + s.scopeCode(),
        Map.of("id", id));
  }

  private Membership manager(String corporation) {
    Membership m = currentUser.requireStaffOrDefault(corporation);
    if (!m.role().canApprove()) {
      throw new ForbiddenException(
          Text.msg("error.partner.shareRole", "corporation", String.valueOf(m.corporationCode())));
    }
    return m;
  }
}
