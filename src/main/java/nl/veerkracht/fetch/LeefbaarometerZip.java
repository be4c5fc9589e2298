package nl.veerkracht.fetch;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The buurt table of the Leefbaarometer open-data zip, cut down to the gemeenten asked. */
final class LeefbaarometerZip {

  static final long MAX_ZIP_ENTRY_BYTES = 2L << 30;

  private LeefbaarometerZip() {}

  /** The buurt CSV of the Leefbaarometer zip, cut down to the gemeenten asked (none: all). */
  static byte[] buurtRows(Downloader.Body zip, List<String> gemeenten, Downloader http) {
    List<String> prefixes = gemeenten.stream().map(g -> "BU" + g.substring(2)).toList();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
      ZipEntry e;
      List<String> seen = new ArrayList<>();
      while ((e = in.getNextEntry()) != null) {
        String name = e.getName().toLowerCase(Locale.ROOT);
        seen.add(e.getName());
        if (e.isDirectory() || !name.endsWith(".csv") || !name.contains("buurt")) {
          continue;
        }
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(
                    new LimitedStream(in, MAX_ZIP_ENTRY_BYTES), StandardCharsets.UTF_8));
        String header = r.readLine();
        if (header == null) {
          continue;
        }
        if (header.startsWith("\uFEFF")) {
          header = header.substring(1);
        }
        char sep = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
        String[] cols = header.split(String.valueOf(sep), -1);
        int code = -1;
        for (int i = 0; i < cols.length; i++) {
          if (cols[i].replace("\"", "").strip().equalsIgnoreCase("bu_code")) {
            code = i;
          }
        }
        if (code < 0) {
          continue;
        }
        StringBuilder out = new StringBuilder(header).append('\n');
        String line;
        int kept = 0;
        while ((line = r.readLine()) != null) {
          String[] cells = line.split(String.valueOf(sep), -1);
          if (cells.length <= code) {
            continue;
          }
          String bu = cells[code].replace("\"", "").strip();
          if (prefixes.isEmpty() || prefixes.stream().anyMatch(bu::startsWith)) {
            out.append(line).append('\n');
            kept++;
          }
        }
        if (kept == 0) {
          throw new FetchException(
              "The Leefbaarometer file "
                  + e.getName()
                  + " holds no buurten of "
                  + String.join(", ", gemeenten)
                  + "; nothing was changed");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
      }
      http.forget(zip.url());
      throw FetchPages.malformed(
          "the Leefbaarometer site", zip.url(), "no buurt CSV with a bu_code column among " + seen);
    } catch (IOException e) {
      http.forget(zip.url());
      throw FetchPages.malformed(
          "the Leefbaarometer site", zip.url(), "not a readable zip: " + e.getMessage());
    }
  }

  /** Stops reading an entry that inflates beyond a sane size. */
  private static final class LimitedStream extends java.io.FilterInputStream {
    private long left;

    LimitedStream(java.io.InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left-- <= 0) {
        throw new IOException("entry larger than " + MAX_ZIP_ENTRY_BYTES + " bytes");
      }
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        throw new IOException("entry larger than " + MAX_ZIP_ENTRY_BYTES + " bytes");
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public void close() {
      // the zip stream is closed by its owner
    }
  }
}
