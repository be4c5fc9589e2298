package nl.veerkracht.allocation.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The entry route by which a household came to live in its home, in VERA terms: a priority
 * (voorrangsregeling {@code detailSoort}) or an additional target group ({@code
 * aanvullendeDoelgroep}), else regular with an income at or below the passend-toewijzen limit, else
 * other regular. {@link #UNKNOWN} is a household whose contract is older than the allocation
 * records; no letting goes to it.
 */
public enum Route {
  /** Uitstroom uit zorg of opvang: voorrang UIT, or doelgroep GGZ, PSY, DAK, VER and the like. */
  UITSTROOM,
  /** Statushouder: voorrang STA. */
  STATUSHOUDER,
  /** Any other urgency or priority (medical, social, ...). */
  URGENT,
  /** Regular, income at or below the passend-toewijzen limit. */
  REGULAR_LOW,
  /** Regular, other income. */
  REGULAR_OTHER,
  /** Contract older than the allocation records. */
  UNKNOWN;

  public static final int COUNT = values().length;

  /** The routes a letting can go to (all but {@link #UNKNOWN}). */
  public static final Set<Route> LETTABLE = EnumSet.complementOf(EnumSet.of(UNKNOWN));

  /** The default "vulnerable" set: uitstroom, statushouder and urgent — a proxy, not veerkracht. */
  public static final Set<Route> DEFAULT_VULNERABLE = EnumSet.of(UITSTROOM, STATUSHOUDER, URGENT);

  /** The id used in the API and files: {@code uitstroom}, {@code statushouder}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Route ofId(String id) {
    return valueOf(id.strip().toUpperCase(Locale.ROOT));
  }

  /** Additional target groups (aanvullendeDoelgroep) that count as uitstroom uit zorg/opvang. */
  private static final Set<String> CARE_GROUPS =
      Set.of("GGZ", "PSY", "DAK", "VER", "MOB", "BW", "BEG", "LVB", "JEU", "OPV", "VHS");

  /**
   * The route of one letting from its VERA fields; null or blank fields are absent.
   *
   * @param priority voorrangsregelingen.detailSoort (UIT, STA, MED, SOC, URG, ...)
   * @param targetGroup aanvullendeDoelgroep (GGZ, PSY, DAK, ...)
   * @param lowIncome whether the household's income is at or below the passend-toewijzen limit
   *     (from rekeninkomen or passendheidsoort); null when unknown
   * @param urgent the older yes/no urgency column, for files without a priority code
   */
  public static Route of(String priority, String targetGroup, Boolean lowIncome, boolean urgent) {
    String p = priority == null ? "" : priority.strip().toUpperCase(Locale.ROOT);
    String g = targetGroup == null ? "" : targetGroup.strip().toUpperCase(Locale.ROOT);
    if (p.equals("UIT") || CARE_GROUPS.contains(g)) {
      return UITSTROOM;
    }
    if (p.equals("STA")) {
      return STATUSHOUDER;
    }
    if (!p.isEmpty() && !p.equals("GEEN") || urgent) {
      return URGENT;
    }
    return Boolean.TRUE.equals(lowIncome) ? REGULAR_LOW : REGULAR_OTHER;
  }
}
