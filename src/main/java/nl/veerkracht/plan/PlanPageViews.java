package nl.veerkracht.plan;

import java.math.BigDecimal;
import java.util.List;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.Membership;

/** The models of the beheerplan and begroting pages. */
public final class PlanPageViews {

  private PlanPageViews() {}

  /** A beheerplan page. */
  public record PlanView(
      PlanService.Shown shown, String complex, String area, Text error, String notice) {

    public String query() {
      return "corporation="
          + shown.content().corporationCode()
          + (complex != null ? "&complex=" + complex : "&area=" + area);
    }

    public boolean canPlan() {
      return shown.membership().role().canPlan();
    }

    public boolean canApprove() {
      return shown.membership().role().canApprove();
    }
  }

  /** The begroting page. */
  public record BudgetView(Budget budget, List<Membership> memberships, Text error) {

    /** The corporation's name (its code when the caller is not its staff). */
    public String corporationName() {
      return memberships.stream()
          .filter(m -> m.corporationCode().equals(budget.corporation()))
          .map(Membership::corporationName)
          .findFirst()
          .orElse(budget.corporation());
    }

    /** The sum of one year and lever. */
    public BigDecimal amount(int year, String lever) {
      return budget.rows().stream()
          .filter(r -> r.year() == year && r.lever().equals(lever))
          .map(Budget.Row::amountEuro)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public String query() {
      return "corporation="
          + budget.corporation()
          + "&from="
          + budget.from()
          + "&to="
          + budget.to()
          + (budget.lever() == null ? "" : "&lever=" + budget.lever())
          + (budget.scope() == null ? "" : "&scope=" + budget.scope());
    }
  }
}
