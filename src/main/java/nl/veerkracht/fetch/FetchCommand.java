package nl.veerkracht.fetch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.veerkracht.cli.Arguments;
import nl.veerkracht.cli.Command;
import org.springframework.stereotype.Component;

/**
 * {@code fetch --gemeente GM0308 [--gemeente …] --year 2024 [--year …] [--source pdok,cbs,lbm]
 * [--lbm-edition 2024] [--refresh]}: downloads the official open data of those gemeenten and
 * imports it. Exit 0 when imported (or nothing was new), 1 when a download or the import failed
 * (nothing changed), 2 on a usage error.
 */
@Component
public class FetchCommand implements Command {

  private final FetchService fetch;
  private final nl.veerkracht.area.AreaNames names;

  public FetchCommand(FetchService fetch, nl.veerkracht.area.AreaNames names) {
    this.fetch = fetch;
    this.names = names;
  }

  @Override
  public String name() {
    return "fetch";
  }

  @Override
  public String summary() {
    return "Download and import CBS, PDOK and Leefbaarometer open data for some gemeenten";
  }

  @Override
  public String usage() {
    return "fetch --gemeente GM0308|Baarn|all [--gemeente ...] --year 2024 [--year ...]"
        + " [--source pdok,cbs,lbm] [--lbm-edition 2024] [--refresh]\n"
        + "  CBS tables known for: "
        + fetch.settings().tables().keySet()
        + " (more with veerkracht.fetch.tables[YEAR]=ID)";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Arguments a =
        Arguments.parse(
            args, Set.of("gemeente", "year", "source", "lbm-edition"), Set.of("refresh"));
    if (!a.positional().isEmpty()) {
      throw new Arguments.UsageException("Unexpected: " + String.join(" ", a.positional()));
    }
    List<String> gemeenten = gemeenten(a);
    Set<FetchRequest.Source> sources = sources(a);
    Set<Integer> years = years(a, sources);
    Integer edition = a.findInt("lbm-edition").orElse(null);
    FetchRequest request =
        new FetchRequest(
            gemeenten,
            List.copyOf(years),
            sources,
            edition,
            a.flag("refresh"),
            "cli:" + System.getProperty("user.name", "unknown"));
    out.println(
        "Fetching "
            + sources.stream().map(FetchRequest.Source::label).toList()
            + " for "
            + (gemeenten.isEmpty() ? "all gemeenten" : String.join(", ", gemeenten))
            + (years.isEmpty() ? "" : ", " + years));
    try {
      FetchService.Result r = fetch.run(request, m -> out.println("  " + m.en()));
      out.printf(
          Locale.ROOT,
          "%d requests to the servers, %d answers taken from the cache of an earlier run%n",
          r.requests(),
          r.fromCache());
      out.println(r.report().toText());
      return r.imported() ? OK : REJECTED;
    } catch (FetchException e) {
      err.println("veerkracht fetch: " + e.getMessage());
      return REJECTED;
    }
  }

  /** The gemeenten named; empty for {@code --gemeente all} (every gemeente of the country). */
  private List<String> gemeenten(Arguments a) {
    if (a.list("gemeente").stream().anyMatch(g -> g.strip().equalsIgnoreCase(FetchRequest.ALL))) {
      return List.of();
    }
    List<String> gemeenten = new ArrayList<>();
    for (String g : a.list("gemeente")) {
      gemeenten.add(
          names
              .gemeente(g)
              .orElseThrow(
                  () ->
                      new Arguments.UsageException(
                          "'"
                              + g
                              + "' is not a gemeente code (GM0308) or the name of a gemeente held")));
    }
    if (gemeenten.isEmpty()) {
      throw new Arguments.UsageException("Name at least one --gemeente");
    }
    return gemeenten;
  }

  private static Set<FetchRequest.Source> sources(Arguments a) {
    Set<FetchRequest.Source> sources = EnumSet.noneOf(FetchRequest.Source.class);
    for (String s : a.list("source")) {
      for (String part : s.split(",")) {
        try {
          sources.add(FetchRequest.Source.parse(part));
        } catch (IllegalArgumentException e) {
          throw new Arguments.UsageException(e.getMessage());
        }
      }
    }
    return sources.isEmpty() ? EnumSet.allOf(FetchRequest.Source.class) : sources;
  }

  private Set<Integer> years(Arguments a, Set<FetchRequest.Source> sources) {
    Set<Integer> years = new LinkedHashSet<>();
    for (String y : a.list("year")) {
      try {
        int year = Integer.parseInt(y.strip());
        if (year < 2000 || year > 2099) {
          throw new NumberFormatException();
        }
        years.add(year);
      } catch (NumberFormatException e) {
        throw new Arguments.UsageException("--year " + y + " is not a plausible year");
      }
    }
    boolean needsYears =
        sources.contains(FetchRequest.Source.CBS) || sources.contains(FetchRequest.Source.PDOK);
    if (needsYears && years.isEmpty()) {
      throw new Arguments.UsageException("Name at least one --year for CBS and PDOK");
    }
    for (int y : years) {
      if (sources.contains(FetchRequest.Source.CBS) && !fetch.settings().tables().containsKey(y)) {
        throw new Arguments.UsageException(
            "No CBS Kerncijfers table is known for "
                + y
                + "; known: "
                + fetch.settings().tables().keySet()
                + " (set veerkracht.fetch.tables["
                + y
                + "]=ID)");
      }
    }
    return years;
  }
}
