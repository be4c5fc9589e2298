package nl.veerkracht.map;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The base map's tiles, from Veerkracht's own cache (see {@link TileCache}). */
@RestController
public class TileController {

  private final TileCache tiles;

  public TileController(TileCache tiles) {
    this.tiles = tiles;
  }

  @GetMapping("/tiles/{z}/{x}/{y}.png")
  @Operation(
      summary = "A base-map tile (Web Mercator), kept by Veerkracht",
      description =
          "Fetched once from the upstream (PDOK's BRT-Achtergrondkaart by default) and served from"
              + " VEERKRACHT_HOME/tiles after that, with Cache-Control and ETag. 404 outside the"
              + " Netherlands, or when neither the cache nor the upstream has the tile.")
  public ResponseEntity<byte[]> tile(
      @PathVariable int z,
      @PathVariable int x,
      @PathVariable int y,
      @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
    Optional<TileCache.Tile> t = tiles.tile(z, x, y);
    if (t.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .cacheControl(CacheControl.noStore())
          .build();
    }
    CacheControl week = CacheControl.maxAge(7, TimeUnit.DAYS).cachePublic();
    if (t.get().etag().equals(ifNoneMatch)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
          .cacheControl(week)
          .eTag(t.get().etag())
          .build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .cacheControl(week)
        .eTag(t.get().etag())
        .body(t.get().bytes());
  }
}
