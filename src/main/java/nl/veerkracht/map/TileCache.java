package nl.veerkracht.map;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.veerkracht.VeerkrachtProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Map tiles served by Veerkracht itself: each tile is fetched once from the upstream (PDOK by
 * default) and kept on disk, so a room's phones and projector contact no other host and the map
 * still shows when the upstream does not answer. Only tiles over the Netherlands are served: the
 * cache is no open proxy for the world.
 */
@Service
public class TileCache {

  private static final Logger log = LoggerFactory.getLogger(TileCache.class);

  /** The Netherlands with a margin, in degrees: tiles outside are not served. */
  static final double MIN_LON = 3.0;

  static final double MAX_LON = 7.6;
  static final double MIN_LAT = 50.5;
  static final double MAX_LAT = 53.8;

  /** Most tiles one prefetch fetches (an atelier's area is a few hundred). */
  static final int MAX_PREFETCH = 6000;

  /** Failed fetches, with none succeeding, after which a prefetch stops asking the upstream. */
  static final int GIVE_UP = 16;

  /** A tile and its entity tag. */
  public record Tile(byte[] bytes, String etag) {}

  /** What a prefetch did: tiles covering the area, fetched now, already kept, failed, bytes. */
  public record Prefetched(
      int tiles, int fetched, int cached, int failed, long bytes, int minZoom, int maxZoom) {}

  private final TileSettings settings;
  private final Path dir;
  private final HttpClient http;

  public TileCache(TileSettings settings, VeerkrachtProperties properties) {
    this.settings = settings;
    this.dir =
        settings.cacheDir() != null ? settings.cacheDir() : properties.home().resolve("tiles");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(settings.timeoutMs()))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** Whether z/x/y is a tile at all and lies over the Netherlands. */
  public static boolean served(int z, int x, int y) {
    if (z < 0 || z > 19 || x < 0 || y < 0 || x >= (1 << z) || y >= (1 << z)) {
      return false;
    }
    return lon(x + 1, z) >= MIN_LON
        && lon(x, z) <= MAX_LON
        && lat(y, z) >= MIN_LAT
        && lat(y + 1, z) <= MAX_LAT;
  }

  /** The tile from the cache, or fetched from the upstream and kept; empty when neither has it. */
  public Optional<Tile> tile(int z, int x, int y) {
    if (!served(z, x, y)) {
      return Optional.empty();
    }
    Path file = file(z, x, y);
    try {
      if (Files.isRegularFile(file)) {
        return Optional.of(tileOf(Files.readAllBytes(file)));
      }
      byte[] fetched = fetch(z, x, y);
      if (fetched == null) {
        return Optional.empty();
      }
      keep(file, fetched);
      return Optional.of(tileOf(fetched));
    } catch (IOException e) {
      log.debug("Tile {}/{}/{}: {}", z, x, y, e.toString());
      return Optional.empty();
    }
  }

  /**
   * Fetches every tile covering the box at the zoom levels a room uses, except those kept already.
   */
  public Prefetched prefetch(double minLon, double minLat, double maxLon, double maxLat) {
    int minZoom = settings.prefetchMinZoom();
    int maxZoom = settings.prefetchMaxZoom();
    List<int[]> wanted = new ArrayList<>();
    for (int z = minZoom; z <= maxZoom; z++) {
      int x0 = x(minLon, z);
      int x1 = x(maxLon, z);
      int y0 = y(maxLat, z);
      int y1 = y(minLat, z);
      for (int x = x0; x <= x1; x++) {
        for (int y = y0; y <= y1; y++) {
          if (served(z, x, y) && wanted.size() < MAX_PREFETCH) {
            wanted.add(new int[] {z, x, y});
          }
        }
      }
    }
    AtomicInteger fetched = new AtomicInteger();
    AtomicInteger cached = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int[] t : wanted) {
        running.add(
            pool.submit(
                () -> {
                  Path file = file(t[0], t[1], t[2]);
                  try {
                    if (Files.isRegularFile(file)) {
                      cached.incrementAndGet();
                      bytes.addAndGet(Files.size(file));
                      return;
                    }
                    // an upstream that answers nothing: stop asking after the first few
                    if (failed.get() >= GIVE_UP && fetched.get() == 0) {
                      failed.incrementAndGet();
                      return;
                    }
                    byte[] b = fetch(t[0], t[1], t[2]);
                    if (b == null) {
                      failed.incrementAndGet();
                      return;
                    }
                    keep(file, b);
                    fetched.incrementAndGet();
                    bytes.addAndGet(b.length);
                  } catch (IOException e) {
                    failed.incrementAndGet();
                  }
                }));
      }
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (Exception e) {
          failed.incrementAndGet();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return new Prefetched(
        wanted.size(), fetched.get(), cached.get(), failed.get(), bytes.get(), minZoom, maxZoom);
  }

  private byte[] fetch(int z, int x, int y) throws IOException {
    if (settings.upstream().isEmpty()) {
      return null;
    }
    String url =
        settings
            .upstream()
            .replace("{z}", Integer.toString(z))
            .replace("{x}", Integer.toString(x))
            .replace("{y}", Integer.toString(y));
    try {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofMillis(settings.timeoutMs()))
                  .header("User-Agent", "Veerkracht tile cache")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200 || r.body().length == 0 || r.body().length > 2_000_000) {
        return null;
      }
      return r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (IOException | IllegalArgumentException e) {
      log.debug("Upstream tile {}: {}", url, e.toString());
      return null;
    }
  }

  private void keep(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), ".tile", ".part");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private Path file(int z, int x, int y) {
    return dir.resolve(Integer.toString(z)).resolve(Integer.toString(x)).resolve(y + ".png");
  }

  private static Tile tileOf(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      return new Tile(bytes, "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static int x(double lon, int z) {
    int n = 1 << z;
    return Math.max(0, Math.min(n - 1, (int) Math.floor((lon + 180) / 360 * n)));
  }

  static int y(double lat, int z) {
    int n = 1 << z;
    double r = Math.toRadians(lat);
    double y = (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n;
    return Math.max(0, Math.min(n - 1, (int) Math.floor(y)));
  }

  static double lon(int x, int z) {
    return x / (double) (1 << z) * 360 - 180;
  }

  static double lat(int y, int z) {
    double n = Math.PI - 2 * Math.PI * y / (1 << z);
    return Math.toDegrees(Math.atan(Math.sinh(n)));
  }
}
