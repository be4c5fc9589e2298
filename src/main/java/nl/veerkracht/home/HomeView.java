package nl.veerkracht.home;

/**
 * What the home page shows.
 *
 * @param geojsonUrl the map layer to load, null when no gemeente boundaries are held
 * @param own for staff whose corporation has homes: the gemeente shown (its buurten) and the
 *     corporation whose complexes are drawn on it; null for the national map
 */
public record HomeView(
    String geojsonUrl,
    String indicatorId,
    String indicatorLabel,
    String unit,
    int decimals,
    String year,
    String attribution,
    Own own) {

  /** The corporation's own area on the home map. */
  public record Own(
      String gemeenteCode, String gemeenteName, String corporationName, String complexesUrl) {}

  public boolean hasMap() {
    return geojsonUrl != null;
  }
}
