package nl.veerkracht.imports.read;

import java.util.List;
import nl.veerkracht.area.domain.AreaLevel;

/**
 * The gemeenten, wijken and buurten known to the database, by name: for files that name regions
 * instead of coding them (StatLine exports with names only).
 */
public interface AreaDirectory {

  /** An area as the database names it in one division year. */
  record Known(AreaLevel level, String code, String name, int year) {

    /** The gemeente an area lies in ({@code WK030800} → {@code GM0308}). */
    public String gemeenteCode() {
      return level == AreaLevel.GEMEENTE ? code : "GM" + code.substring(2, 6);
    }
  }

  /** The gemeenten, wijken and buurten of every division year held; empty when none are held. */
  List<Known> areas();

  /** No areas known (readers that need none, tests). */
  AreaDirectory NONE = List::of;
}
