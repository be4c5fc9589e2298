package nl.veerkracht.analysis.domain;

import nl.veerkracht.common.Text;

/**
 * A corporation's own share of the homes in a buurt: its units there divided by the dwellings CBS
 * counts ({@code dwellings}, woningvoorraad), with the same bands as the CBS share.
 *
 * @param pct own units / CBS dwellings × 100, capped at 100 (the CBS count may be older than the
 *     stock)
 * @param band 1, 2 or 3 as in {@link Bands#shareBand}
 */
public record OwnShare(
    String buurtCode,
    int units,
    double dwellings,
    int dwellingsYear,
    double pct,
    int band,
    boolean capped,
    Text explanation) {

  public static OwnShare of(
      String buurtCode, int units, double dwellings, int dwellingsYear, AnalysisSettings s) {
    if (dwellings <= 0) {
      throw new IllegalArgumentException("No CBS dwellings count for " + buurtCode);
    }
    double raw = 100.0 * units / dwellings;
    boolean capped = raw > 100;
    double pct = Math.min(100, raw);
    int band = Bands.shareBand(pct, s.shareBands());
    Text text =
        Text.msg(
            "analysis.ownShare",
            "units",
            units,
            "dwellings",
            Text.num(dwellings, 0),
            "year",
            dwellingsYear,
            "pct",
            Text.num(pct, 1),
            "band",
            band,
            "label",
            Bands.shareLabel(band),
            "low",
            Text.num(s.shareBands().get(0), 1),
            "high",
            Text.num(s.shareBands().get(1), 1));
    if (capped) {
      text = text.then(Text.msg("analysis.ownShare.capped"));
    }
    return new OwnShare(buurtCode, units, dwellings, dwellingsYear, pct, band, capped, text);
  }
}
