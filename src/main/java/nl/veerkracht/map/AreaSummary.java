package nl.veerkracht.map;

import nl.veerkracht.area.domain.Area;

/** An area in a list. */
public record AreaSummary(String code, String name, String level, int year, String parentCode) {
  static AreaSummary of(Area a) {
    return new AreaSummary(
        a.code().value(),
        a.name(),
        a.level().id(),
        a.year(),
        a.parentCode() == null ? null : a.parentCode().value());
  }
}
