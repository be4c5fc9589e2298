package nl.veerkracht.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The real open data bundled as demo (see {@code classpath:demo/SOURCES.md} for origins and
 * licences), in the order it is loaded: boundaries first, then figures.
 */
public final class DemoData {

  /** Not a file: the generated stock of the synthetic demo corporation, loaded last. */
  public static final String STOCK = "synthetic/demo-corporation-stock";

  /** Paths under {@code classpath:demo/}, and {@link #STOCK}. */
  public static final List<String> FILES =
      List.of(
          "geo/gemeenten_2022_wgs84_kwb.geojson.gz",
          "geo/gemeenten_2024_wgs84_kwb.geojson.gz",
          "geo/wijken_2024_wgs84_kwb.geojson.gz",
          // every scored buurt of 2024, simplified; Baarn's full boundaries replace its 21 after
          "geo/buurten_2024_nl_lbm_simplified_wgs84.geojson.gz",
          "geo/baarn_buurten_2024_wgs84_pdok_full.geojson",
          "cbs/kwb2024_85984NED_TableInfos.json",
          "cbs/kwb2024_85984NED_DataProperties.json",
          "cbs/kwb2024_85984NED_gm_wk_core.json",
          "cbs/kwb2019_amsterdam_gm_wk_bu.csv",
          "cbs/kwb2016_wijken_nl_demografie.csv",
          "cbs/prov_utrecht_buurten_2020_kwb_lbm_ses.csv",
          "cbs/baarn_buurten_timeseries_2016_2025.json",
          "leefbaarometer/lbm3_2024_buurt_nl.csv.gz",
          "leefbaarometer/lbm2_wijk_klassen_2002_2016.csv",
          "leefbaarometer/lbm2_wijk_dimensiescores_2012_2016.csv",
          "leefbaarometer/lbm2_wijk_ontwikkeling_2012_2016.csv",
          STOCK);

  /** Coarse national divisions of 2014/2015, not loaded by default (import them by hand). */
  public static final List<String> LEGACY =
      List.of(
          "geo/legacy_2014_2015/gemeente_2015_wgs84_q1e3.topojson.gz",
          "geo/legacy_2014_2015/wijk_2014_wgs84_q1e3.topojson.gz",
          "geo/legacy_2014_2015/buurt_2014_wgs84_q1e3.topojson.gz");

  private DemoData() {}

  /** Copies a bundled file to a folder and returns its path there. */
  public static Path copy(String name, Path folder) {
    try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Demo file missing from the jar: " + name);
      }
      Files.createDirectories(folder);
      Path target = folder.resolve(name.substring(name.lastIndexOf('/') + 1));
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
