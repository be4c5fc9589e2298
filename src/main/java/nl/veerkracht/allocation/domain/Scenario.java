package nl.veerkracht.allocation.domain;

/**
 * An allocation policy for one complex: how its vacancies are filled, by route, and how many homes
 * it gains or loses each year.
 *
 * @param shares [route ordinal] the share of lettings per route; {@link Route#UNKNOWN} is 0 and the
 *     shares add up to 1
 * @param newBuildPerYear homes added each year (relet from the first year)
 * @param removedPerYear homes demolished or sold each year, taken from the homes that fall vacant
 */
public record Scenario(double[] shares, int newBuildPerYear, int removedPerYear) {

  public Scenario {
    if (shares.length != Route.COUNT) {
      throw new IllegalArgumentException("one share per route");
    }
    double sum = 0;
    for (double s : shares) {
      if (!(s >= 0 && s <= 1)) {
        throw new IllegalArgumentException("a share lies between 0 and 1: " + s);
      }
      sum += s;
    }
    if (shares[Route.UNKNOWN.ordinal()] != 0) {
      throw new IllegalArgumentException("no letting goes to an unknown route");
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException("the shares add up to 1, not " + sum);
    }
    if (newBuildPerYear < 0 || removedPerYear < 0) {
      throw new IllegalArgumentException("new build and removals are not negative");
    }
  }

  /** Shares only, no new build or removals. */
  public static Scenario of(double[] shares) {
    return new Scenario(shares, 0, 0);
  }

  /** A share {@code v} of lettings to one route and the rest to another. */
  public static Scenario twoRoutes(Route vulnerable, double v, Route other) {
    double[] s = new double[Route.COUNT];
    s[vulnerable.ordinal()] = v;
    s[other.ordinal()] += 1 - v;
    return of(s);
  }
}
