package nl.veerkracht.imports;

/**
 * Remembers the row in which each (area, year, indicator) of a file was first seen, to reject a
 * figure given twice. Keys are 64-bit hashes in an open-addressing table: a million keys take about
 * 32 MB and 0.1 s. Two different keys with the same hash (odds about 1 in 10^13 per pair) would be
 * reported as a duplicate.
 */
final class KeyRows {

  private long[] keys = new long[1 << 16];
  private long[] rows = new long[1 << 16];
  private boolean[] used = new boolean[1 << 16];
  private int size;

  /**
   * Records the key for this row.
   *
   * @return the row where the key was seen before, or -1 when it is new
   */
  long putIfAbsent(String area, int year, String indicator, long row) {
    long h = hash(area, year, indicator);
    if (size * 2 >= keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = (int) (mix(h) & mask);
    while (used[i]) {
      if (keys[i] == h) {
        return rows[i];
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = h;
    rows[i] = row;
    size++;
    return -1;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldRows = rows;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    rows = new long[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldUsed[j]) {
        int i = (int) (mix(oldKeys[j]) & mask);
        while (used[i]) {
          i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = oldKeys[j];
        rows[i] = oldRows[j];
      }
    }
  }

  static long hash(String area, int year, String indicator) {
    long h = 0xcbf29ce484222325L;
    h = fnv(h, area);
    h = (h ^ year) * 0x100000001b3L;
    h = fnv(h ^ 0x7f, indicator);
    return h;
  }

  private static long fnv(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
