package nl.veerkracht.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Generates the stock of the synthetic demo corporation, deterministically (fixed seed), as the CSV
 * files a corporation would export: units with their clusters, the maintenance plan, allocations,
 * turnover and nuisance signals. Units are placed at random points inside the real buurt
 * boundaries; how many per buurt comes from real CBS figures (see {@link BuurtInput}). Everything
 * else (addresses, rents, labels, plans, households) is made up and labelled so.
 */
public final class DemoStockGenerator {

  /** Seed of the demo stock; changing it changes every generated record. */
  public static final long SEED = 20_261_127L;

  /**
   * A buurt to place units in.
   *
   * @param units corporation units to place: CBS dwellings of the buurt × the CBS corporation share
   *     of the gemeente, rounded
   * @param postcode the buurt's most common postcode (PC4) from the Wijk- en buurtkaart, or null
   */
  public record BuurtInput(
      String code, String name, Geometry geometry, int units, String postcode) {}

  /** The files written. */
  public record Files5(
      Path units, Path maintenance, Path allocations, Path turnover, Path signals) {
    public List<Path> all() {
      return List.of(units, maintenance, allocations, turnover, signals);
    }
  }

  private static final String[] KINDS = {
    "eengezinswoning",
    "eengezinswoning",
    "appartement",
    "appartement",
    "appartement",
    "seniorenwoning",
    "maisonnette"
  };
  static final String[] HOUSEHOLDS = {
    "alleenstaand",
    "alleenstaand",
    "paar",
    "gezin met kinderen",
    "eenoudergezin",
    "alleenstaand 65+"
  };
  private static final String[] STREET_PARTS = {
    "Eiken",
    "Beuken",
    "Linden",
    "Berken",
    "Wilgen",
    "Essen",
    "Populieren",
    "Kastanje",
    "Esdoorn",
    "Platanen",
    "Iepen",
    "Els",
    "Hazelaar",
    "Vlier"
  };

  private DemoStockGenerator() {}

  /** The five files being written. */
  private record Out(
      BufferedWriter units,
      BufferedWriter mjob,
      BufferedWriter allocations,
      BufferedWriter turnover,
      BufferedWriter signals) {}

  /** A complex being generated: its number, name, street and the buurt it stands in. */
  private record Complex(
      String code, String name, String street, String postcode, int buildYear, String kind) {}

  public static Files5 generate(List<BuurtInput> buurten, Path folder, int firstPlanYear) {
    Random random = new Random(SEED);
    try {
      Files.createDirectories(folder);
      Files5 files =
          new Files5(
              folder.resolve("demo_vhe.csv"),
              folder.resolve("demo_mjob.csv"),
              folder.resolve("demo_toewijzingen.csv"),
              folder.resolve("demo_mutaties.csv"),
              folder.resolve("demo_signalen.csv"));
      try (BufferedWriter u = Files.newBufferedWriter(files.units(), StandardCharsets.UTF_8);
          BufferedWriter m = Files.newBufferedWriter(files.maintenance(), StandardCharsets.UTF_8);
          BufferedWriter a = Files.newBufferedWriter(files.allocations(), StandardCharsets.UTF_8);
          BufferedWriter t = Files.newBufferedWriter(files.turnover(), StandardCharsets.UTF_8);
          BufferedWriter s = Files.newBufferedWriter(files.signals(), StandardCharsets.UTF_8)) {
        Out out = new Out(u, m, a, t, s);
        headers(out);
        int[] numbers = {0, 0}; // units, complexes
        for (BuurtInput b : buurten) {
          buurt(b, numbers, firstPlanYear, random, out);
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void headers(Out out) throws IOException {
    out.units()
        .write(
            "VHE-nummer;Straat;Huisnummer;Postcode;Plaats;Latitude;Longitude;Bouwjaar;Woningtype;Energielabel;"
                + "Streefhuur;Rekenhuur;WWS-punten;Doelgroep;Status;Complexnummer;Complexnaam;Cluster FIN;Cluster FIN naam;"
                + "Cluster MAR;Cluster MAR naam\n");
    out.mjob().write("Clustersoort;Complexnummer;Jaar;Activiteit;Kosten\n");
    out.allocations()
        .write(
            "VHE-nummer;Toewijzingsdatum;Huishoudtype;Aantal personen;Inkomensklasse;Urgentie;Aanvangshuur;"
                + "Voorrang;Aanvullende doelgroep\n");
    out.turnover().write("VHE-nummer;Vertrekdatum;Ingangsdatum\n");
    out.signals().write("Clustersoort;Complexnummer;Jaar;Soort melding;Aantal\n");
  }

  /** The complexes of one buurt, 12 to 60 units each, until the buurt's unit count is reached. */
  private static void buurt(BuurtInput b, int[] numbers, int firstPlanYear, Random random, Out out)
      throws IOException {
    PreparedGeometry area = PreparedGeometryFactory.prepare(b.geometry());
    Envelope env = b.geometry().getEnvelopeInternal();
    int left = b.units();
    int street = 0;
    while (left > 0) {
      int size = Math.min(left, 12 + random.nextInt(49));
      left -= size;
      int complexNo = ++numbers[1];
      street++;
      String streetName = STREET_PARTS[(complexNo + street) % STREET_PARTS.length] + "laan";
      // the order of the random draws fixes the demo data: keep it
      int buildYear = 1950 + random.nextInt(66);
      String kind = KINDS[random.nextInt(KINDS.length)];
      double centreX = env.getMinX() + random.nextDouble() * env.getWidth();
      double centreY = env.getMinY() + random.nextDouble() * env.getHeight();
      String postcode =
          (b.postcode() != null ? b.postcode() : "3741")
              + (char) ('A' + random.nextInt(26))
              + (char) ('A' + random.nextInt(26));
      Complex c =
          new Complex(
              String.format(Locale.ROOT, "C%04d", complexNo),
              streetName + " (" + b.name() + ")",
              streetName,
              postcode,
              buildYear,
              kind);
      for (int i = 0; i < size; i++) {
        Coordinate p = pointNear(area, env, centreX, centreY, random, new GeometryFactory());
        unit(b, c, ++numbers[0], i + 1, p, random, out);
      }
      plan(c.code(), size, c.buildYear(), firstPlanYear, random, out.mjob());
      for (int year = firstPlanYear - 5; year < firstPlanYear; year++) {
        int count = poisson(size * 0.06, random);
        out.signals()
            .write(
                String.join(
                        ";",
                        "OND",
                        c.code(),
                        Integer.toString(year),
                        "overlast",
                        Integer.toString(count))
                    + "\n");
      }
    }
  }

  private static void unit(
      BuurtInput b, Complex c, int unitNo, int houseNumber, Coordinate p, Random random, Out out)
      throws IOException {
    String vhe = String.format(Locale.ROOT, "VHE%06d", unitNo);
    String wijk = "WK" + b.code().substring(2, 8);
    int points = 110 + random.nextInt(90) + Math.max(0, (c.buildYear() - 1970) / 2);
    double rent = Math.min(880, 380 + points * 2.6 + random.nextInt(40));
    String label = label(c.buildYear(), random);
    out.units()
        .write(
            String.join(
                ";",
                vhe,
                c.street(),
                Integer.toString(houseNumber),
                c.postcode(),
                "Baarn",
                fmt(p.y, 6),
                fmt(p.x, 6),
                Integer.toString(c.buildYear()),
                c.kind(),
                label,
                euro(rent * 1.06),
                euro(rent),
                Integer.toString(points),
                c.kind().equals("seniorenwoning") ? "senioren" : "regulier",
                "verhuurd",
                c.code(),
                c.name(),
                "F-" + wijk.substring(2),
                "Financieel " + wijk,
                "M-" + b.code().substring(2),
                "Verhuur " + b.name()));
    out.units().write('\n');
    // the letting history's routes come from a stream of their own, so the rest of the demo stays
    // as it was before routes were added
    // (seeds of neighbouring units are mixed first: java.util.Random's first draws of nearby
    // seeds are alike)
    Random routes = new Random(new java.util.SplittableRandom(SEED * 31 + unitNo).nextLong());
    DemoLettings.earlierHistory(vhe, rent, routes, out.allocations(), out.turnover());
    DemoLettings.history(vhe, rent, random, routes, out.allocations(), out.turnover());
  }

  private static Coordinate pointNear(
      PreparedGeometry area,
      Envelope env,
      double cx,
      double cy,
      Random random,
      GeometryFactory gf) {
    double spread = 0.0015;
    for (int attempt = 0; attempt < 200; attempt++) {
      double x =
          attempt < 100
              ? cx + (random.nextDouble() - 0.5) * spread
              : env.getMinX() + random.nextDouble() * env.getWidth();
      double y =
          attempt < 100
              ? cy + (random.nextDouble() - 0.5) * spread
              : env.getMinY() + random.nextDouble() * env.getHeight();
      Coordinate c = new Coordinate(x, y);
      if (area.contains(gf.createPoint(c))) {
        return c;
      }
    }
    Coordinate interior = area.getGeometry().getInteriorPoint().getCoordinate();
    return new Coordinate(interior.x, interior.y);
  }

  private static String label(int buildYear, Random random) {
    int base = buildYear < 1965 ? 4 : buildYear < 1985 ? 3 : buildYear < 2005 ? 2 : 1;
    int shifted = Math.max(0, Math.min(6, base + random.nextInt(3) - 1));
    return new String[] {"A", "B", "C", "D", "E", "F", "G"}[shifted];
  }

  private static void plan(
      String complex, int units, int buildYear, int firstYear, Random random, BufferedWriter m)
      throws IOException {
    int paintOffset = random.nextInt(7);
    for (int year = firstYear; year < firstYear + 10; year++) {
      if ((year - firstYear) % 7 == paintOffset) {
        m.write(line(complex, year, "Schilderwerk buiten", units * 1_450.0));
      }
      if ((year - buildYear) % 25 == 0) {
        m.write(line(complex, year, "Vervangen keukens en badkamers", units * 11_500.0));
      }
      if ((year - buildYear) % 40 == 0) {
        m.write(line(complex, year, "Vervangen dakbedekking", units * 3_900.0));
      }
    }
    if (buildYear < 1980) {
      m.write(
          line(
              complex,
              firstYear + 2 + random.nextInt(6),
              "Na-isolatie gevel en vloer",
              units * 9_000.0));
    }
  }

  private static String line(String complex, int year, String activity, double cost) {
    return String.join(";", "OND", complex, Integer.toString(year), activity, euro(cost)) + "\n";
  }

  private static int poisson(double lambda, Random random) {
    double l = Math.exp(-lambda);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }

  private static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  static String euro(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
