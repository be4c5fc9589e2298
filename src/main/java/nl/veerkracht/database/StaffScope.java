package nl.veerkracht.database;

import java.util.Arrays;

/**
 * The corporations the current thread's queries may see, when a staff member's request runs on it;
 * {@link ScopedDataSource} hands out connections that PostgreSQL's row-level security then limits
 * to these corporations. Unset (the default) for background work and for callers whose access is
 * decided elsewhere.
 */
public final class StaffScope {

  private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();

  private StaffScope() {}

  /** Scopes this thread's queries to these corporations (none: no own data at all). */
  public static void set(long[] corporationIds) {
    CURRENT.set(corporationIds.clone());
  }

  public static void clear() {
    CURRENT.remove();
  }

  /**
   * Runs {@code work} unscoped and puts the scope back afterwards: for the one lookup whose answer
   * decides who the caller is (an atelier participant's token), not for reading data.
   */
  public static <T> T unscoped(java.util.function.Supplier<T> work) {
    long[] saved = CURRENT.get();
    CURRENT.remove();
    try {
      return work.get();
    } finally {
      if (saved != null) {
        CURRENT.set(saved);
      }
    }
  }

  /** The corporations of this thread's scope, or null when it is not scoped. */
  public static long[] current() {
    return CURRENT.get();
  }

  /** The value of the {@code veerkracht.corporations} setting: ids separated by commas. */
  static String setting(long[] ids) {
    return String.join(",", Arrays.stream(ids).mapToObj(Long::toString).toList());
  }
}
