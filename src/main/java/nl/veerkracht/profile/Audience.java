package nl.veerkracht.profile;

import java.util.Locale;
import java.util.Optional;

/** Who a view is for: the corporation's staff, or residents (and anyone outside the staff). */
public enum Audience {
  STAFF,
  RESIDENT;

  /** {@code staff} or {@code resident}, as in the API. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Audience> parse(String s) {
    return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
      case "staff" -> Optional.of(STAFF);
      case "resident" -> Optional.of(RESIDENT);
      default -> Optional.empty();
    };
  }
}
