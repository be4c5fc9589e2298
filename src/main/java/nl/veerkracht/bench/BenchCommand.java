package nl.veerkracht.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.veerkracht.VeerkrachtProperties;
import nl.veerkracht.cli.Arguments;
import nl.veerkracht.cli.Command;
import org.springframework.stereotype.Component;

/**
 * {@code bench [import|geometry|map|all] [--iterations N] [--postgis PG:...]}: runs benchmarks
 * against a scratch database ({@code veerkracht_bench} in the embedded server) and prints their
 * figures. Speed claims in the issues are backed by these figures, never by timed tests.
 */
@Component
public class BenchCommand implements Command {

  /** One benchmark. */
  public interface Benchmark {
    String name();

    void run(BenchContext context, PrintStream out) throws Exception;
  }

  /** Settings shared by the benchmarks. */
  public record BenchContext(int iterations, String postgis) {}

  private final List<Benchmark> benchmarks;
  private final VeerkrachtProperties properties;

  public BenchCommand(List<Benchmark> benchmarks, VeerkrachtProperties properties) {
    this.benchmarks = benchmarks;
    this.properties = properties;
  }

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "Run the benchmarks";
  }

  @Override
  public String usage() {
    List<String> names = new ArrayList<>();
    benchmarks.forEach(b -> names.add(b.name()));
    return "bench ["
        + String.join("|", names)
        + "|all] [--iterations N] [--postgis \"PG:dbname=x host=y\"]";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Arguments a = Arguments.parse(args, Set.of("iterations", "postgis"), Set.of("allow-external"));
    if (properties.db().external() && !a.flag("allow-external")) {
      throw new Arguments.UsageException(
          "bench empties the tables of its database; with VEERKRACHT_DB_URL set, point it at a scratch"
              + " database and add --allow-external");
    }
    int iterations = a.findInt("iterations").orElse(3);
    if (iterations < 1 || iterations > 50) {
      throw new Arguments.UsageException("--iterations is 1 to 50");
    }
    List<String> chosen = a.positional().isEmpty() ? List.of("all") : a.positional();
    BenchContext context = new BenchContext(iterations, a.find("postgis").orElse(null));
    out.printf(
        "Veerkracht benchmarks on %d cores, %s, Java %s; database %s%n%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        System.getProperty("java.version"),
        properties.db().external()
            ? properties.db().url()
            : "embedded (" + properties.db().embeddedDatabase() + ")");
    for (Benchmark b : benchmarks) {
      if (chosen.contains("all") || chosen.contains(b.name())) {
        try {
          b.run(context, out);
        } catch (Exception e) {
          err.println("Benchmark " + b.name() + " failed: " + e.getMessage());
          return 1;
        }
        out.println();
      }
    }
    for (String c : chosen) {
      if (!c.equals("all") && benchmarks.stream().noneMatch(b -> b.name().equals(c))) {
        throw new Arguments.UsageException("Unknown benchmark " + c);
      }
    }
    return 0;
  }

  /** Median of measured milliseconds. */
  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
