package nl.veerkracht.home;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.common.Text;
import nl.veerkracht.fetch.FetchSettings;
import nl.veerkracht.home.HomeTasks.Task;
import nl.veerkracht.imports.ImportHistoryRepository;
import nl.veerkracht.imports.ImportJobs;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.statistics.ObservationRepository;
import nl.veerkracht.stock.OwnStock;
import org.springframework.stereotype.Service;

/**
 * The analyst's data tasks on the home page: imports of the last hour that wrote nothing, imports
 * undone in the last {@value #UNDONE_DAYS} days, and gemeenten with the corporation's homes whose
 * newest CBS or Leefbaarometer figures are older than the newest edition this server knows to be
 * published (the newest year in {@code veerkracht.fetch.tables} and {@code
 * veerkracht.fetch.lbm-edition}).
 */
@Service
public class DataTasks {

  static final int UNDONE_DAYS = 14;

  /** The figure that says which Kerncijfers edition a buurt's figures come from. */
  static final String CBS_FIGURE = "inhabitants";

  /** The figure that says which Leefbaarometer measurement a buurt's figures come from. */
  static final String LBM_FIGURE = "lbm_class";

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm");

  private final CurrentUser currentUser;
  private final ImportJobs jobs;
  private final ImportHistoryRepository history;
  private final OwnStock stock;
  private final ObservationRepository observations;
  private final AreaRepository areas;
  private final FetchSettings fetch;
  private final Clock clock;

  public DataTasks(
      CurrentUser currentUser,
      ImportJobs jobs,
      ImportHistoryRepository history,
      OwnStock stock,
      ObservationRepository observations,
      AreaRepository areas,
      FetchSettings fetch,
      Clock clock) {
    this.currentUser = currentUser;
    this.jobs = jobs;
    this.history = history;
    this.stock = stock;
    this.observations = observations;
    this.areas = areas;
    this.fetch = fetch;
    this.clock = clock;
  }

  public List<Task> of(Membership m) {
    List<Task> out = new ArrayList<>();
    currentUser
        .findUsername()
        .ifPresent(
            user ->
                jobs.failedFor(user).stream()
                    .limit(HomeTasks.PER_KIND)
                    .forEach(
                        j ->
                            out.add(
                                new Task(
                                    "import",
                                    Text.msg("todo.import.failed", "file", j.fileName()),
                                    "/gegevens?job=" + j.id()))));
    history
        .undoneSince(List.of(m.corporationId()), OffsetDateTime.now(clock).minusDays(UNDONE_DAYS))
        .stream()
        .limit(HomeTasks.PER_KIND)
        .forEach(
            u ->
                out.add(
                    new Task(
                        "import",
                        Text.msg(
                            "todo.import.undone",
                            "file",
                            u.fileName(),
                            "source",
                            u.source() == null ? "" : u.source(),
                            "date",
                            DATE.format(
                                u.undoneAt().atZoneSameInstant(ZoneId.of("Europe/Amsterdam")))),
                        "/gegevens/geschiedenis")));
    out.addAll(outdated(m));
    return out;
  }

  /** Per gemeente with the corporation's homes, the figures older than the newest edition. */
  List<Task> outdated(Membership m) {
    TreeSet<String> gemeenten = new TreeSet<>();
    for (String gm : stock.unitsPerGemeente(m.corporationId()).keySet()) {
      gemeenten.add(gm.substring(2));
    }
    if (gemeenten.isEmpty()) {
      return List.of();
    }
    Map<String, String> names = areas.names(gemeenten.stream().map(g -> "GM" + g).toList());
    int cbsEdition = fetch.tables().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    String fetchLink = currentUser.isPublicDataWriter() ? "/gegevens/ophalen" : "/bronnen";
    List<Task> out = new ArrayList<>();
    for (String g : gemeenten) {
      String name = names.getOrDefault("GM" + g, "GM" + g);
      Integer cbs = newest(CBS_FIGURE, g);
      if (cbs == null || cbs < cbsEdition) {
        out.add(
            new Task(
                "data",
                cbs == null
                    ? Text.msg("todo.data.cbs.none", "gemeente", name, "edition", cbsEdition)
                    : Text.msg(
                        "todo.data.cbs",
                        "gemeente",
                        name,
                        "held",
                        cbs,
                        "edition",
                        cbsEdition,
                        "table",
                        fetch.tables().get(cbsEdition)),
                fetchLink));
      }
      Integer lbm = newest(LBM_FIGURE, g);
      if (lbm == null || lbm < fetch.lbmEdition()) {
        out.add(
            new Task(
                "data",
                lbm == null
                    ? Text.msg(
                        "todo.data.lbm.none", "gemeente", name, "edition", fetch.lbmEdition())
                    : Text.msg(
                        "todo.data.lbm",
                        "gemeente",
                        name,
                        "held",
                        lbm,
                        "edition",
                        fetch.lbmEdition()),
                fetchLink));
      }
    }
    return out.stream().limit(HomeTasks.PER_KIND).toList();
  }

  private Integer newest(String indicator, String gemeente4) {
    return observations.knownPerYear(indicator, "BU" + gemeente4).keySet().stream()
        .findFirst()
        .orElse(null);
  }
}
