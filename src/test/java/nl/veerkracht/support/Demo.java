package nl.veerkracht.support;

import java.nio.file.Path;

/** The real bundled data files, as tests find them in the source tree. */
public final class Demo {

  public static final Path DIR = Path.of("src", "main", "resources", "demo").toAbsolutePath();

  /**
   * The demo files the synthetic demo corporation needs (Baarn buurten with dwellings, the
   * gemeente's corporation share, Leefbaarometer and CBS series for the context), then its stock;
   * for {@code DemoDataLoader.load}, in the order of {@code DemoData.FILES} (where two CBS editions
   * disagree, the later file holds, as in the demo).
   */
  public static final java.util.List<String> CORPORATION =
      java.util.List.of(
          "geo/gemeenten_2022_wgs84_kwb.geojson.gz",
          "geo/gemeenten_2024_wgs84_kwb.geojson.gz",
          "geo/baarn_buurten_2024_wgs84_pdok_full.geojson",
          "cbs/prov_utrecht_buurten_2020_kwb_lbm_ses.csv",
          "cbs/baarn_buurten_timeseries_2016_2025.json",
          "leefbaarometer/lbm3_2024_buurt_nl.csv.gz",
          nl.veerkracht.demo.DemoData.STOCK);

  private Demo() {}

  public static Path file(String name) {
    return DIR.resolve(name);
  }
}
