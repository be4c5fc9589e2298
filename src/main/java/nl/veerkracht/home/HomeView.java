package nl.veerkracht.home;

/**
 * What the home page shows.
 *
 * @param geojsonUrl the map layer to load, null when no gemeente boundaries are held
 */
public record HomeView(
    String geojsonUrl,
    String indicatorId,
    String indicatorLabel,
    String unit,
    int decimals,
    String year,
    String attribution) {
  public boolean hasMap() {
    return geojsonUrl != null;
  }
}
