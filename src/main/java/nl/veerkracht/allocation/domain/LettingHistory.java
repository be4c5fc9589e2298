package nl.veerkracht.allocation.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A corporation's lettings and move-outs, unit by unit, read as tenancies: a letting starts one, a
 * move-out ends it. From it: the households of each complex on a day by route and length of
 * residence, the exits out of those households in a year (for the exit rates), and the lettings of
 * a year by route. A unit with no letting on record before a day holds a household of route {@link
 * Route#UNKNOWN} that has lived there since before the records began. A move-out whose reason is a
 * name change or a swap is no exit, and the letting that follows it no new letting.
 */
public final class LettingHistory {

  /** A letting: a household of a route moved into a unit. */
  public record Letting(long unit, LocalDate date, Route route) {}

  /**
   * A household moving out of a unit.
   *
   * @param counts false for a name change or a swap, which is no exit
   */
  public record MoveOut(long unit, LocalDate date, boolean counts) {}

  /** What a year did to one complex's households of the previous year-end. */
  public record YearFlows(int[][] exits, int[][] atRisk, int[] lettings, int[] stayingLettings) {}

  private record Event(LocalDate date, int order, Letting letting, MoveOut moveOut) {}

  private final Map<Long, String> complexOfUnit;
  private final Map<Long, List<Event>> byUnit = new HashMap<>();
  private final int firstYear;

  /**
   * @param complexOfUnit the complex of each unit (units of no complex are left out)
   */
  public LettingHistory(
      Map<Long, String> complexOfUnit, List<Letting> lettings, List<MoveOut> moveOuts) {
    this.complexOfUnit = Map.copyOf(complexOfUnit);
    int first = Integer.MAX_VALUE;
    for (Letting l : lettings) {
      byUnit.computeIfAbsent(l.unit(), k -> new ArrayList<>()).add(new Event(l.date(), 1, l, null));
      first = Math.min(first, l.date().getYear());
    }
    for (MoveOut m : moveOuts) {
      byUnit.computeIfAbsent(m.unit(), k -> new ArrayList<>()).add(new Event(m.date(), 0, null, m));
      first = Math.min(first, m.date().getYear());
    }
    // on one day a move-out comes before the letting that follows it
    byUnit
        .values()
        .forEach(l -> l.sort(Comparator.comparing(Event::date).thenComparingInt(Event::order)));
    this.firstYear = first == Integer.MAX_VALUE ? 0 : first;
  }

  /** The first year with a record, 0 without records. */
  public int firstYear() {
    return firstYear;
  }

  /** The newest year with a record, 0 without records. */
  public int lastYear() {
    int last = 0;
    for (List<Event> events : byUnit.values()) {
      last = Math.max(last, events.get(events.size() - 1).date().getYear());
    }
    return last;
  }

  /** Who lives in a unit at the end of a day: a route and since when, or nobody. */
  private record Occupant(Route route, LocalDate since) {}

  private Occupant occupant(long unit, LocalDate day) {
    Occupant o = new Occupant(Route.UNKNOWN, null);
    boolean continuing = false;
    for (Event e : byUnit.getOrDefault(unit, List.of())) {
      if (e.date().isAfter(day)) {
        break;
      }
      if (e.moveOut() != null) {
        continuing = !e.moveOut().counts();
        o = continuing ? o : null;
      } else {
        LocalDate since = continuing && o != null ? o.since() : e.date();
        o = new Occupant(e.letting().route(), since);
        continuing = false;
      }
    }
    return o;
  }

  private int bin(Occupant o, LocalDate day) {
    if (o.since() == null) {
      // here since before the records began
      return Residence.binOf(day.getYear() - firstYear + 1);
    }
    return Residence.binOf(Period.between(o.since(), day).getYears());
  }

  /** The households of every complex at the end of a day: [route ordinal][residence bin]. */
  public Map<String, int[][]> stockAt(LocalDate day) {
    Map<String, int[][]> out = new TreeMap<>();
    complexOfUnit.forEach(
        (unit, complex) -> {
          int[][] n = out.computeIfAbsent(complex, k -> new int[Route.COUNT][Residence.BINS]);
          Occupant o = occupant(unit, day);
          if (o != null) {
            n[o.route().ordinal()][bin(o, day)]++;
          }
        });
    return out;
  }

  /**
   * Per complex, what a year did: of the households at the end of the year before (by route and
   * residence bin then), how many were at risk and how many left during the year; the lettings of
   * the year by route; and those of them still living there at the end of the year.
   */
  public Map<String, YearFlows> flows(int year) {
    LocalDate before = LocalDate.of(year - 1, 12, 31);
    LocalDate end = LocalDate.of(year, 12, 31);
    Map<String, YearFlows> out = new TreeMap<>();
    complexOfUnit.forEach(
        (unit, complex) -> {
          YearFlows f =
              out.computeIfAbsent(
                  complex,
                  k ->
                      new YearFlows(
                          new int[Route.COUNT][Residence.BINS],
                          new int[Route.COUNT][Residence.BINS],
                          new int[Route.COUNT],
                          new int[Route.COUNT]));
          Occupant start = occupant(unit, before);
          if (start != null) {
            int r = start.route().ordinal();
            int b = bin(start, before);
            f.atRisk()[r][b]++;
            if (leftDuring(unit, start, year)) {
              f.exits()[r][b]++;
            }
          }
          boolean continuing = false;
          for (Event e : byUnit.getOrDefault(unit, List.of())) {
            if (e.date().getYear() == year && e.letting() != null && !continuing) {
              f.lettings()[e.letting().route().ordinal()]++;
            }
            continuing = e.moveOut() != null && !e.moveOut().counts();
          }
          Occupant last = occupant(unit, end);
          if (last != null && last.since() != null && last.since().getYear() == year) {
            f.stayingLettings()[last.route().ordinal()]++;
          }
        });
    return out;
  }

  /** Whether the household living in a unit at the start of a year moved out (counted) in it. */
  private boolean leftDuring(long unit, Occupant start, int year) {
    for (Event e : byUnit.getOrDefault(unit, List.of())) {
      if (e.date().getYear() == year && e.moveOut() != null && e.moveOut().counts()) {
        return true;
      }
    }
    return false;
  }
}
