package nl.veerkracht.analysis.domain;

import nl.veerkracht.analysis.domain.NuisanceChanges.OnvChange;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.Text;

/**
 * The change of nuisance and insecurity (own and relative to the gemeente) and the veerkracht
 * signal, which crosses it with the change of vulnerability ({@link Signal}).
 */
final class SignalStep {

  private final RunContext ctx;
  private final NuisanceChanges nuisance;

  SignalStep(RunContext ctx, NuisanceChanges nuisance) {
    this.ctx = ctx;
    this.nuisance = nuisance;
  }

  void run(String code) {
    OnvChange onv = nuisance.forArea(code);
    Double relative = onv == null ? null : nuisanceFigures(code, onv);
    Vulnerability.Change vc = ctx.changes.get(code);
    if (vc == null || onv == null) {
      if (vc != null || onv != null) {
        int year = vc != null ? vc.toYear() : onv.toYear();
        String key = vc == null ? "analysis.signal.noVulnerability" : "analysis.signal.noNuisance";
        ctx.missing(code, year, AnalysisEngine.SIGNAL, Text.msg(key));
      }
      return;
    }
    boolean useRelative = ctx.settings.onvBasisKind() == AnalysisSettings.OnvBasis.RELATIVE;
    if (useRelative && relative == null) {
      ctx.missing(code, vc.toYear(), AnalysisEngine.SIGNAL, Text.msg("analysis.signal.noRelative"));
      return;
    }
    double onvValue = useRelative ? relative : onv.value();
    AnalysisSettings s = ctx.settings;
    Signal sig = Signal.classify(vc.delta(), onvValue, s.vulnerabilityRise(), s.onvWorse());
    ctx.ok(
        code,
        vc.toYear(),
        AnalysisEngine.SIGNAL,
        sig.code(),
        signalText(code, sig, vc, onv, onvValue, useRelative));
  }

  /** Writes the change and the change relative to the gemeente; returns the latter or null. */
  private Double nuisanceFigures(String code, OnvChange onv) {
    Text src = nuisance.sourceText(code, onv);
    ctx.ok(
        code,
        onv.toYear(),
        AnalysisEngine.ONV_CHANGE,
        onv.value(),
        Text.msg("analysis.onv.change", "value", Text.signed(onv.value(), 3), "source", src));
    if (AnalysisInputs.gemeenteOf(code) == null || AreaCode.isGemeente(code)) {
      return null;
    }
    Double gmChange = nuisance.gemeenteChange(code, onv);
    if (gmChange == null) {
      return null;
    }
    double relative = onv.value() - gmChange;
    ctx.ok(
        code,
        onv.toYear(),
        AnalysisEngine.ONV_VS_GEMEENTE,
        relative,
        Text.msg(
            "analysis.onv.vsGemeente",
            "own",
            Text.signed(onv.value(), 3),
            "gm",
            Text.signed(gmChange, 3),
            "gemeente",
            ctx.name(AnalysisInputs.gemeenteOf(code)),
            "relative",
            Text.signed(relative, 3),
            "source",
            src));
    return relative;
  }

  private Text signalText(
      String code,
      Signal sig,
      Vulnerability.Change vc,
      OnvChange onv,
      double onvValue,
      boolean useRelative) {
    AnalysisSettings s = ctx.settings;
    boolean up = vc.delta() > s.vulnerabilityRise();
    boolean worse = onvValue < -s.onvWorse();
    Text text =
        Text.msg(
            "analysis.signal.text",
            "signal",
            sig.label(),
            "delta",
            Text.signed(vc.delta(), 2),
            "from",
            vc.fromYear(),
            "to",
            vc.toYear(),
            "rise",
            Text.msg(
                up ? "analysis.signal.rising" : "analysis.signal.notRising",
                "rise",
                Text.num(s.vulnerabilityRise(), 1)),
            "onv",
            Text.msg(
                useRelative ? "analysis.signal.onv.relative" : "analysis.signal.onv.absolute",
                "value",
                Text.signed(onvValue, 3)),
            "source",
            nuisance.sourceText(code, onv),
            "worse",
            Text.msg(
                worse ? "analysis.signal.worse" : "analysis.signal.notWorse",
                "worse",
                Text.num(s.onvWorse(), 3)));
    if (vc.fromYear() != onv.fromYear() || vc.toYear() != onv.toYear()) {
      text =
          text.then(
              Text.msg(
                  "analysis.signal.periods",
                  "vfrom",
                  vc.fromYear(),
                  "vto",
                  vc.toYear(),
                  "ofrom",
                  onv.fromYear(),
                  "oto",
                  onv.toYear()));
    }
    return text.then(Text.msg("analysis.signal.research"));
  }
}
