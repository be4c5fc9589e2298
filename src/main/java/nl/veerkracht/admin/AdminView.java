package nl.veerkracht.admin;

import java.util.List;
import java.util.Map;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.security.Membership;
import nl.veerkracht.security.UserView;

/**
 * The admin page: corporations, accounts with their roles, and the state of the form last sent.
 *
 * @param form the form that was sent ({@code corporation}, {@code user}, {@code membership}) when
 *     it failed, so it is shown open with what was typed; null otherwise
 * @param values what was typed in that form (never the password)
 * @param error why it failed, or null
 * @param done what the last action did, or null
 * @param audit the newest entries of the audit log
 * @param organisations the partner organisations
 */
public record AdminView(
    List<CorporationRepository.Overview> corporations,
    List<UserView> users,
    List<Membership.Role> roles,
    String form,
    Map<String, String> values,
    Text error,
    Text done,
    List<nl.veerkracht.audit.AuditLog.Event> audit,
    List<nl.veerkracht.security.Organisations.Organisation> organisations) {

  /** What was typed in a field of the failed form, or empty. */
  public String value(String field) {
    return values.getOrDefault(field, "");
  }
}
