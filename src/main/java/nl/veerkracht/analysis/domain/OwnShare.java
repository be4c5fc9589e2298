package nl.veerkracht.analysis.domain;

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
    String cap =
        capped
            ? " Meer eenheden dan CBS-woningen (de CBS-telling is ouder dan de voorraad): op 100 % gezet."
            : "";
    String capEn =
        capped
            ? " More units than CBS dwellings (the CBS count predates the stock): set to 100 %."
            : "";
    Text text =
        Text.of(
            "Eigen aandeel = "
                + units
                + " eigen eenheden / "
                + Text.nl(dwellings, 0)
                + " woningen (CBS "
                + dwellingsYear
                + ") × 100 = "
                + Text.nl(pct, 1)
                + " %: "
                + Bands.shareLabel(band)
                + ". Grenzen "
                + Text.nl(s.shareBands().get(0), 1)
                + " % en "
                + Text.nl(s.shareBands().get(1), 1)
                + " %."
                + cap,
            "Own share = "
                + units
                + " own units / "
                + Text.en(dwellings, 0)
                + " dwellings (CBS "
                + dwellingsYear
                + ") × 100 = "
                + Text.en(pct, 1)
                + " %: band "
                + band
                + ". Limits "
                + Text.en(s.shareBands().get(0), 1)
                + " % and "
                + Text.en(s.shareBands().get(1), 1)
                + " %."
                + capEn);
    return new OwnShare(buurtCode, units, dwellings, dwellingsYear, pct, band, capped, text);
  }
}
