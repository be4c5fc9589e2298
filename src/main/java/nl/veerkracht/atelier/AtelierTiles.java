package nl.veerkracht.atelier;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.cli.Arguments;
import nl.veerkracht.cli.Command;
import nl.veerkracht.map.MapGeometryRepository;
import nl.veerkracht.map.TileCache;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prefetching an atelier's base map: every tile over its buurten at the zoom levels a room uses is
 * fetched into Veerkracht's own cache when the atelier is prepared (a console button, {@code POST
 * /api/ateliers/{id}/tiles}, or {@code prefetch-tiles ID} on the command line), so the room's map
 * does not depend on the upstream on the day.
 */
@Component
public class AtelierTiles implements Command {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TileCache tiles;
  private final AtelierExports exports;
  private final AtelierRepository repository;

  public AtelierTiles(TileCache tiles, AtelierExports exports, AtelierRepository repository) {
    this.tiles = tiles;
    this.exports = exports;
    this.repository = repository;
  }

  /** Fetches the tiles over the atelier's areas (the facilitator asks). */
  public TileCache.Prefetched prefetch(AtelierAccess.Asked asked) {
    AtelierInputs.requireModerator(asked);
    return prefetch(asked.atelier());
  }

  TileCache.Prefetched prefetch(Atelier a) {
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (MapGeometryRepository.Shape s : exports.shapes(a)) {
      extend(box, JSON.readTree(s.geometry()));
    }
    if (box[0] > box[2]) {
      return new TileCache.Prefetched(0, 0, 0, 0, 0, 0, 0);
    }
    return tiles.prefetch(box[0], box[1], box[2], box[3]);
  }

  /** Widens the box by every [lon, lat] pair in a GeoJSON geometry. */
  private static void extend(double[] box, JsonNode node) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      extend(box, node.get("coordinates"));
      return;
    }
    if (node.isArray() && node.size() >= 2 && node.get(0).isNumber() && node.get(1).isNumber()) {
      double lon = node.get(0).asDouble();
      double lat = node.get(1).asDouble();
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
      return;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        extend(box, n);
      }
    }
  }

  @Override
  public String name() {
    return "prefetch-tiles";
  }

  @Override
  public String summary() {
    return "Fetch the base map over an atelier's buurten into the tile cache";
  }

  @Override
  public String usage() {
    return "prefetch-tiles ATELIER_ID";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Arguments a = Arguments.parse(args, java.util.Set.of(), java.util.Set.of());
    if (a.positional().size() != 1 || !a.positional().get(0).matches("\\d{1,18}")) {
      throw new Arguments.UsageException("Name one atelier by its number: " + usage());
    }
    long id = Long.parseLong(a.positional().get(0));
    Atelier atelier = repository.find(id).orElse(null);
    if (atelier == null) {
      err.printf("veerkracht prefetch-tiles: there is no atelier %d%n", id);
      return REJECTED;
    }
    TileCache.Prefetched p = prefetch(atelier);
    out.printf(Locale.ROOT, "%s%n", report(atelier, p));
    return p.failed() > 0 && p.fetched() + p.cached() == 0 ? REJECTED : OK;
  }

  static String report(Atelier a, TileCache.Prefetched p) {
    return String.format(
        Locale.ROOT,
        "Atelier %d (%s): %,d tiles at zoom %d-%d, %,d bytes; %,d fetched, %,d kept already, %,d"
            + " failed",
        a.id(),
        a.name(),
        p.tiles(),
        p.minZoom(),
        p.maxZoom(),
        p.bytes(),
        p.fetched(),
        p.cached(),
        p.failed());
  }
}
