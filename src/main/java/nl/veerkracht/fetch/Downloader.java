package nl.veerkracht.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import nl.veerkracht.common.Text;

/**
 * GETs with timeouts, retries with doubling back-off (timeouts, 429 and 5xx only), and a cache of
 * every response that was complete: a second run asks the server only for what it does not have
 * yet. Without a network it fails at once with "no connection to …".
 */
final class Downloader {

  /** One response body, and whether it came from the cache. */
  record Body(byte[] bytes, boolean cached, String url) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private final HttpClient client;
  private final FetchSettings settings;
  private final Path cache;
  private final boolean refresh;
  private int requests;

  Downloader(FetchSettings settings, Path cache, boolean refresh) {
    this.settings = settings;
    this.cache = cache;
    this.refresh = refresh;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(settings.connectTimeoutSeconds()))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  int requests() {
    return requests;
  }

  /** The cached body of this URL, if an earlier run fetched it completely. */
  boolean isCached(String url) {
    return !refresh && Files.isRegularFile(cacheFile(url));
  }

  Body get(String source, String url) {
    Path cached = cacheFile(url);
    if (!refresh && Files.isRegularFile(cached)) {
      try {
        return new Body(Files.readAllBytes(cached), true, url);
      } catch (IOException e) {
        // a damaged cache entry is fetched again
      }
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new FetchException("Bad address for " + source + ": " + url + "; nothing was changed");
    }
    long wait = settings.backoffMillis();
    String last = null;
    for (int attempt = 0; attempt <= settings.retries(); attempt++) {
      if (attempt > 0) {
        sleep(wait);
        wait *= 2;
      }
      requests++;
      try {
        HttpResponse<byte[]> r = client.send(request(uri), HttpResponse.BodyHandlers.ofByteArray());
        int status = r.statusCode();
        if (status == 200) {
          store(cached, r.body());
          return new Body(r.body(), false, url);
        }
        last = "HTTP " + status;
        if (status != 429 && status < 500) {
          throw new FetchException(
              source + " answered " + last + " for " + url + "; nothing was changed",
              Text.msg("fetch.error.status", "source", source, "status", last, "url", url));
        }
      } catch (HttpConnectTimeoutException e) {
        throw offline(source, uri, "the connection timed out");
      } catch (HttpTimeoutException e) {
        last = "no answer within " + settings.readTimeoutSeconds() + " s";
      } catch (ConnectException e) {
        throw offline(source, uri, e.getMessage() == null ? "connection refused" : e.getMessage());
      } catch (IOException e) {
        if (rootCause(e) instanceof UnknownHostException
            || rootCause(e) instanceof ConnectException) {
          throw offline(source, uri, rootCause(e).toString());
        }
        last = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FetchException(
            "Interrupted while fetching from " + source + "; nothing was changed");
      }
    }
    throw gaveUp(source, url, last);
  }

  private HttpRequest request(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(settings.readTimeoutSeconds()))
        .header("Accept", "application/json, application/geo+json, */*")
        .header("User-Agent", "Veerkracht (open source; fetch command)")
        .GET()
        .build();
  }

  /** Every try failed: what the last one said. */
  private FetchException gaveUp(String source, String url, String last) {
    return new FetchException(
        source
            + " did not answer properly after "
            + (settings.retries() + 1)
            + " tries ("
            + last
            + ") for "
            + url
            + "; nothing was changed",
        Text.msg(
            "fetch.error.tries",
            "source",
            source,
            "tries",
            settings.retries() + 1,
            "detail",
            last,
            "url",
            url));
  }

  private static FetchException offline(String source, URI uri, String detail) {
    return new FetchException(
        "No connection to "
            + source
            + " ("
            + uri.getHost()
            + ": "
            + detail
            + "); nothing was changed. Check the network or the base URL"
            + " (veerkracht.fetch.*).",
        Text.msg("fetch.error.offline", "source", source, "host", uri.getHost()));
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  private void store(Path target, byte[] body) {
    try {
      Files.createDirectories(target.getParent());
      Path tmp = target.resolveSibling(target.getFileName() + ".part");
      Files.write(tmp, body);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // caching is an optimisation; the body is used either way
    }
  }

  /** Forgets a cached response that turned out unusable (a malformed page). */
  void forget(String url) {
    try {
      Files.deleteIfExists(cacheFile(url));
    } catch (IOException e) {
      // nothing to forget
    }
  }

  private Path cacheFile(String url) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return cache.resolve(HexFormat.of().formatHex(h).substring(0, 40));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException("Interrupted while waiting to retry; nothing was changed");
    }
  }
}
