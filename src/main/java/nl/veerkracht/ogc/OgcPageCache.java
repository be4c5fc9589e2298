package nl.veerkracht.ogc;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Pages of the public collections, gzipped, by their ETag (which names the data they were made
 * from, so a stale page is never served: an import or an analysis changes every key). Least
 * recently used pages leave first once the pages together pass {@link #MAX_BYTES}.
 */
@Component
public class OgcPageCache {

  static final long MAX_BYTES = 64L * 1024 * 1024;

  private final LinkedHashMap<String, byte[]> pages = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;

  public synchronized byte[] get(String etag) {
    return pages.get(etag);
  }

  public synchronized void put(String etag, byte[] gzipped) {
    byte[] old = pages.put(etag, gzipped);
    bytes += gzipped.length - (old == null ? 0 : old.length);
    var it = pages.entrySet().iterator();
    while (bytes > MAX_BYTES && it.hasNext()) {
      Map.Entry<String, byte[]> eldest = it.next();
      bytes -= eldest.getValue().length;
      it.remove();
    }
  }
}
