package nl.veerkracht.analysis.domain;

import java.util.ArrayList;
import java.util.List;
import nl.veerkracht.analysis.domain.NuisanceChanges.OnvChange;
import nl.veerkracht.common.Text;

/**
 * Attention areas: an area is flagged when at least {@code minRules} of the configured rules hold
 * (weak livability, a high corporation share, rising vulnerability, worsening nuisance). The
 * explanation lists the rules that hold, those that do not, and those that cannot be judged.
 */
final class AttentionStep {

  private final RunContext ctx;
  private final NuisanceChanges nuisance;

  /** The rules of one area sorted by outcome. */
  private static final class Outcome {
    final List<Text> held = new ArrayList<>();
    final List<Text> notHeld = new ArrayList<>();
    final List<Text> unknown = new ArrayList<>();
    int year = Integer.MIN_VALUE;

    void judge(boolean holds, Text text, int atYear) {
      (holds ? held : notHeld).add(text);
      year = Math.max(year, atYear);
    }
  }

  AttentionStep(RunContext ctx, NuisanceChanges nuisance) {
    this.ctx = ctx;
    this.nuisance = nuisance;
  }

  void run(String code) {
    AnalysisSettings.Attention rules = ctx.settings.attention();
    Outcome o = new Outcome();
    livability(code, rules, o);
    share(code, rules, o);
    if (rules.vulnerabilityRising()) {
      vulnerability(code, o);
    }
    if (rules.nuisanceWorsening()) {
      nuisance(code, o);
    }
    if (o.held.isEmpty() && o.notHeld.isEmpty() || o.year == Integer.MIN_VALUE) {
      return;
    }
    boolean flagged = o.held.size() >= rules.minRules();
    ctx.out.add(
        Result.ok(
            code, o.year, AnalysisEngine.ATTENTION, flagged ? 1.0 : 0.0, text(o, flagged, rules)));
  }

  private void livability(String code, AnalysisSettings.Attention rules, Outcome o) {
    Integer cy = ctx.in.latestYear(code, AnalysisEngine.LBM_CLASS, Integer.MAX_VALUE);
    if (cy == null) {
      o.unknown.add(Text.msg("analysis.attention.unknown.class"));
      return;
    }
    int c = (int) Math.round(ctx.in.get(code, cy, AnalysisEngine.LBM_CLASS));
    o.judge(
        c <= rules.maxLbmClass(),
        Text.msg("analysis.attention.class", "class", c, "label", Bands.lbmLabel(c)),
        cy);
  }

  private void share(String code, AnalysisSettings.Attention rules, Outcome o) {
    Integer sy = ctx.in.latestYear(code, "pct_corporation_rent", Integer.MAX_VALUE);
    if (sy == null) {
      o.unknown.add(Text.msg("analysis.attention.unknown.share"));
      return;
    }
    double pct = ctx.in.get(code, sy, "pct_corporation_rent");
    o.judge(
        pct >= rules.minCorporationShare(),
        Text.msg("analysis.attention.share", "pct", Text.num(pct, 0)),
        sy);
  }

  private void vulnerability(String code, Outcome o) {
    Vulnerability.Change vc = ctx.changes.get(code);
    if (vc == null) {
      o.unknown.add(Text.msg("analysis.attention.unknown.vulnerability"));
      return;
    }
    boolean up = vc.delta() > ctx.settings.vulnerabilityRise();
    o.judge(
        up,
        Text.msg(
            up ? "analysis.attention.vulnerabilityUp" : "analysis.attention.vulnerabilityNotUp"),
        vc.toYear());
  }

  private void nuisance(String code, Outcome o) {
    OnvChange onv = nuisance.forArea(code);
    if (onv == null) {
      o.unknown.add(Text.msg("analysis.attention.unknown.nuisance"));
      return;
    }
    Double gm = nuisance.gemeenteChange(code, onv);
    boolean relative = ctx.settings.onvBasisKind() == AnalysisSettings.OnvBasis.RELATIVE;
    double v = relative && gm != null ? onv.value() - gm : onv.value();
    boolean worse = v < -ctx.settings.onvWorse();
    o.judge(
        worse,
        Text.msg(
            worse ? "analysis.attention.nuisanceUp" : "analysis.attention.nuisanceNotUp",
            "from",
            onv.fromYear(),
            "to",
            onv.toYear()),
        onv.toYear());
  }

  private Text text(Outcome o, boolean flagged, AnalysisSettings.Attention rules) {
    Text held = Text.join(", ", o.held);
    Text text;
    if (flagged) {
      text = Text.msg("analysis.attention.flagged", "held", held);
    } else if (o.held.isEmpty()) {
      text = Text.msg("analysis.attention.notFlaggedNone", "min", rules.minRules());
    } else {
      text =
          Text.msg(
              "analysis.attention.notFlagged",
              "n",
              o.held.size(),
              "min",
              rules.minRules(),
              "held",
              held);
    }
    if (!o.notHeld.isEmpty()) {
      text = text.then(Text.msg("analysis.attention.notMet", "list", Text.join(", ", o.notHeld)));
    }
    if (!o.unknown.isEmpty()) {
      text = text.then(Text.msg("analysis.attention.unknown", "list", Text.join(", ", o.unknown)));
    }
    return text.then(
        Text.msg(
            "analysis.attention.rules",
            "maxClass",
            rules.maxLbmClass(),
            "share",
            Text.num(rules.minCorporationShare(), 1),
            "rise",
            Text.num(ctx.settings.vulnerabilityRise(), 1),
            "worse",
            Text.num(ctx.settings.onvWorse(), 3),
            "min",
            rules.minRules()));
  }
}
