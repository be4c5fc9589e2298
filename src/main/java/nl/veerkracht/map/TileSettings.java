package nl.veerkracht.map;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The base map Veerkracht serves itself ({@code veerkracht.tiles.*}): participants' phones and the
 * projector fetch map tiles from Veerkracht only, which fetches each tile once from the upstream
 * and keeps it in {@code VEERKRACHT_HOME/tiles}.
 *
 * @param upstream the tile service, with {z}, {x} and {y}; PDOK's BRT-Achtergrondkaart (grey) by
 *     default; empty: no upstream at all (only what is cached)
 * @param cacheDir where tiles are kept; {@code VEERKRACHT_HOME/tiles} when not set
 * @param timeoutMs how long one upstream request may take
 * @param prefetchMinZoom the least zoom an atelier's area is prefetched at
 * @param prefetchMaxZoom the most zoom an atelier's area is prefetched at
 */
@ConfigurationProperties("veerkracht.tiles")
public record TileSettings(
    String upstream,
    Path cacheDir,
    Integer timeoutMs,
    Integer prefetchMinZoom,
    Integer prefetchMaxZoom) {

  public static final String PDOK =
      "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png";

  public TileSettings {
    upstream = upstream == null ? PDOK : upstream.strip();
    timeoutMs = timeoutMs == null ? 4000 : timeoutMs;
    prefetchMinZoom = prefetchMinZoom == null ? 12 : prefetchMinZoom;
    prefetchMaxZoom = prefetchMaxZoom == null ? 17 : prefetchMaxZoom;
    if (prefetchMinZoom < 0 || prefetchMaxZoom > 19 || prefetchMinZoom > prefetchMaxZoom) {
      throw new IllegalArgumentException(
          "veerkracht.tiles.prefetch-min-zoom/prefetch-max-zoom = "
              + prefetchMinZoom
              + "/"
              + prefetchMaxZoom
              + " is not allowed: use 0 ≤ min ≤ max ≤ 19");
    }
  }
}
