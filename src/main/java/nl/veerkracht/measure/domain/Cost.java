package nl.veerkracht.measure.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** One cost line of a measure: its kind and the amount in euros (per unit for per-unit kinds). */
public record Cost(CostKind kind, BigDecimal amountEuro) {

  public Cost {
    Objects.requireNonNull(kind, "kind");
    if (amountEuro == null || amountEuro.signum() < 0) {
      throw new IllegalArgumentException("A cost needs an amount of zero or more euros");
    }
  }
}
