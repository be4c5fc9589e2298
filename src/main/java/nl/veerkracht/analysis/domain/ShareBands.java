package nl.veerkracht.analysis.domain;

import java.util.Map;
import nl.veerkracht.common.Text;

/** The corporation-share band of each area and year with CBS's share of corporation homes. */
final class ShareBands {

  private final RunContext ctx;

  ShareBands(RunContext ctx) {
    this.ctx = ctx;
  }

  void run(String code) {
    for (Map.Entry<Integer, Map<String, Double>> e : ctx.in.area(code).entrySet()) {
      Double pct = e.getValue().get("pct_corporation_rent");
      if (pct == null) {
        continue;
      }
      int band = Bands.shareBand(pct, ctx.settings.shareBands());
      ctx.ok(
          code,
          e.getKey(),
          AnalysisEngine.SHARE_BAND,
          band,
          Text.msg(
              "analysis.shareBand",
              "pct",
              Text.num(pct, 0),
              "year",
              e.getKey(),
              "band",
              band,
              "label",
              Bands.shareLabel(band),
              "low",
              Text.num(ctx.settings.shareBands().get(0), 1),
              "high",
              Text.num(ctx.settings.shareBands().get(1), 1)));
    }
  }
}
