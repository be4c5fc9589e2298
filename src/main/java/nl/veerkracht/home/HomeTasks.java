package nl.veerkracht.home;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.veerkracht.agreement.AgreementService;
import nl.veerkracht.agreement.domain.AgreementStatus;
import nl.veerkracht.atelier.Atelier;
import nl.veerkracht.atelier.AtelierRepository;
import nl.veerkracht.common.Text;
import nl.veerkracht.monitor.SignalThresholds;
import nl.veerkracht.monitor.SignalWatch;
import nl.veerkracht.monitor.TargetMonitor;
import nl.veerkracht.monitor.domain.TargetStatus;
import nl.veerkracht.plan.PlanRepository;
import nl.veerkracht.security.Membership;
import org.springframework.stereotype.Service;

/**
 * "Te doen" on the home page: what needs a person's attention in the corporation they work on, by
 * their role. Managers: plans waiting for approval, targets off track, agreements that need
 * attention. Analysts: complexes over a signal threshold (from the first import on), targets off
 * track, and imports and figures to look after ({@link DataTasks}). Facilitators (and analysts):
 * ateliers coming up or still open. Viewers read the same as managers, without the approvals.
 */
@Service
public class HomeTasks {

  /** At most this many tasks of one kind are listed; the rest is behind the link. */
  static final int PER_KIND = 5;

  /** One task: what to do, where to do it, and how many more of its kind are not listed. */
  public record Task(String kind, Text text, String href) {}

  private final PlanRepository plans;
  private final SignalWatch signals;
  private final TargetMonitor targets;
  private final AtelierRepository ateliers;
  private final AgreementService agreements;
  private final DataTasks data;

  public HomeTasks(
      PlanRepository plans,
      SignalWatch signals,
      TargetMonitor targets,
      AtelierRepository ateliers,
      AgreementService agreements,
      DataTasks data) {
    this.plans = plans;
    this.signals = signals;
    this.targets = targets;
    this.ateliers = ateliers;
    this.agreements = agreements;
    this.data = data;
  }

  public List<Task> of(Membership m) {
    List<Task> out = new ArrayList<>();
    String corp = enc(m.corporationCode());
    Membership.Role role = m.role();
    if (role.canApprove()) {
      planTasks(m, corp, out);
    }
    if (role == Membership.Role.ANALYST || role == Membership.Role.MANAGER) {
      signalTasks(m, corp, out);
    }
    if (role != Membership.Role.FACILITATOR) {
      followUpTasks(m, corp, out);
    }
    if (role == Membership.Role.ANALYST) {
      out.addAll(data.of(m));
    }
    if (role == Membership.Role.FACILITATOR || role == Membership.Role.ANALYST) {
      atelierTasks(m, corp, out);
    }
    return out;
  }

  /** Plans waiting for this approver. */
  private void planTasks(Membership m, String corp, List<Task> out) {
    plans.awaitingApproval(m.corporationId()).stream()
        .limit(PER_KIND)
        .forEach(
            a ->
                out.add(
                    new Task(
                        "plan",
                        Text.msg(
                            a.newestVersion() == 0 ? "todo.plan.first" : "todo.plan.next",
                            "name",
                            a.name(),
                            "version",
                            String.valueOf(a.newestVersion() + 1)),
                        "/beheerplan?corporation="
                            + corp
                            + "&"
                            + a.scopeKind()
                            + "="
                            + enc(a.scopeCode()))));
  }

  /** Complexes over a signal threshold, the furthest over first. */
  private void signalTasks(Membership m, String corp, List<Task> out) {
    signals.current(m.corporationId()).stream()
        .filter(SignalWatch.Current::over)
        .sorted((x, y) -> Double.compare(y.per100() / y.threshold(), x.per100() / x.threshold()))
        .limit(PER_KIND)
        .forEach(
            c ->
                out.add(
                    new Task(
                        "signal",
                        Text.msg(
                            "todo.signal",
                            "complex",
                            c.complexLabel(),
                            "signal",
                            SignalThresholds.TURNOVER.equals(c.type())
                                ? Text.msg("changes.signal.turnover")
                                : Text.msg("changes.signal", "type", c.type()),
                            "value",
                            Text.grouped(c.per100(), 1),
                            "threshold",
                            Text.grouped(c.threshold(), 1),
                            "year",
                            String.valueOf(c.year())),
                        "/voorraad/"
                            + enc(c.clusterType())
                            + "/"
                            + enc(c.complexCode())
                            + "?corporation="
                            + corp)));
  }

  /** Targets off track and agreements that need attention. */
  private void followUpTasks(Membership m, String corp, List<Task> out) {
    targets.targets(m.corporationCode()).stream()
        .filter(t -> t.assessment().status() == TargetStatus.Status.OFF_TRACK)
        .limit(PER_KIND)
        .forEach(
            t ->
                out.add(
                    new Task(
                        "target",
                        Text.msg(
                            "todo.target",
                            "measure",
                            t.measureTitle(),
                            "indicator",
                            t.indicatorLabel(),
                            "area",
                            t.areaName()),
                        "/doelen?corporation=" + corp)));
    agreements.list(m.corporationCode()).stream()
        .filter(
            a ->
                a.outcome().status() == AgreementStatus.Status.AANDACHT
                    || a.outcome().status() == AgreementStatus.Status.NIET_OP_KOERS)
        .limit(PER_KIND)
        .forEach(
            a ->
                out.add(
                    new Task(
                        "agreement",
                        Text.msg(
                            "todo.agreement",
                            "title",
                            a.agreement().title(),
                            "status",
                            Text.msg("agreement.status." + a.outcome().status().name())),
                        "/afspraken/" + a.agreement().id())));
  }

  /** Ateliers coming up or still open. */
  private void atelierTasks(Membership m, String corp, List<Task> out) {
    LocalDate today = LocalDate.now();
    ateliers.listFor(List.of(m.corporationId())).stream()
        .filter(a -> a.phase() != Atelier.Phase.CLOSED)
        .filter(a -> a.heldOn() == null || !a.heldOn().isBefore(today.minusDays(1)))
        .sorted(
            java.util.Comparator.comparing(
                Atelier::heldOn,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
        .limit(PER_KIND)
        .forEach(
            a ->
                out.add(
                    new Task(
                        "atelier",
                        a.heldOn() == null
                            ? Text.msg("todo.atelier.undated", "name", a.name())
                            : Text.msg(
                                "todo.atelier", "name", a.name(), "date", a.heldOn().toString()),
                        "/ateliers/" + a.id())));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
