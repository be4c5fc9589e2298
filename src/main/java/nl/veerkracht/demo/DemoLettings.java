package nl.veerkracht.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Random;

/**
 * The demo's synthetic lettings and move-outs per unit: 2016–2020 before the records that the
 * allocation simulator calibrates on, and 2021–2025, with priority routes at published national
 * rates. Drawn from the generator's random streams in the same order as always, so the demo stays
 * the same.
 */
final class DemoLettings {

  private DemoLettings() {}

  /**
   * Synthetic priority of a letting, from published national rates (see {@link #earlierHistory}).
   */
  private static String[] route(Random routes, boolean urgent) {
    double u = routes.nextDouble();
    if (u < 0.07) {
      return new String[] {"STA", ""};
    }
    if (u < 0.12) {
      String[] groups = {"GGZ", "DAK", "PSY", "VER", ""};
      return new String[] {"UIT", groups[routes.nextInt(groups.length)]};
    }
    return new String[] {urgent ? (routes.nextBoolean() ? "MED" : "SOC") : "", ""};
  }

  /**
   * Lettings 2016–2020 (before the history below), at the same 7.5 % a year. Routes: statushouders
   * 7 % of lettings and uitstroom uit zorg/opvang 5 % (published national rates: statushouders 6–8
   * % of lettings, any priority about a quarter in large gemeenten), urgency 12 %.
   */
  static void earlierHistory(
      String vhe, double rent, Random routes, BufferedWriter a, BufferedWriter t)
      throws IOException {
    for (int year = 2016; year <= 2020; year++) {
      if (routes.nextDouble() < 0.075) {
        LocalDate out = LocalDate.of(year, 1 + routes.nextInt(12), 1 + routes.nextInt(28));
        LocalDate in = out.plusDays(14 + routes.nextInt(50));
        t.write(String.join(";", vhe, out.toString(), in.toString()) + "\n");
        String household =
            DemoStockGenerator.HOUSEHOLDS[routes.nextInt(DemoStockGenerator.HOUSEHOLDS.length)];
        double r = routes.nextDouble();
        boolean urgent = routes.nextDouble() < 0.12;
        letting(
            a,
            vhe,
            in,
            household,
            persons(household, 3),
            r,
            urgent,
            rent * (1 + (year - 2021) * 0.03),
            routes);
      }
    }
  }

  private static void letting(
      BufferedWriter a,
      String vhe,
      LocalDate in,
      String household,
      int persons,
      double r,
      boolean urgent,
      double rent,
      Random routes)
      throws IOException {
    String income =
        r < 0.78 ? "passend" : r < 0.88 ? "boven de grens" : r < 0.96 ? "midden" : "hoog";
    String[] route = route(routes, urgent);
    a.write(
        String.join(
                ";",
                vhe,
                in.toString(),
                household,
                Integer.toString(persons),
                income,
                urgent ? "ja" : "nee",
                DemoStockGenerator.euro(rent),
                route[0],
                route[1])
            + "\n");
  }

  /** Persons in a household of a type; a family has {@code family} persons. */
  private static int persons(String household, int family) {
    return household.startsWith("gezin")
        ? family
        : household.equals("paar") || household.equals("eenoudergezin") ? 2 : 1;
  }

  static void history(
      String vhe, double rent, Random random, Random routes, BufferedWriter a, BufferedWriter t)
      throws IOException {
    for (int year = 2021; year <= 2025; year++) {
      if (random.nextDouble() < 0.075) {
        LocalDate out = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        LocalDate in = out.plusDays(14 + random.nextInt(50));
        t.write(String.join(";", vhe, out.toString(), in.toString()) + "\n");
        String household =
            DemoStockGenerator.HOUSEHOLDS[random.nextInt(DemoStockGenerator.HOUSEHOLDS.length)];
        // (the family size is drawn before the income, as it always was)
        int persons = persons(household, household.startsWith("gezin") ? 3 + random.nextInt(3) : 0);
        double r = random.nextDouble();
        boolean urgent = random.nextDouble() < 0.12;
        letting(
            a, vhe, in, household, persons, r, urgent, rent * (1 + (year - 2021) * 0.03), routes);
      }
    }
  }
}
