package nl.veerkracht.stock.read;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import nl.veerkracht.stock.domain.ClusterType;
import nl.veerkracht.stock.domain.StockRecords;

/**
 * Reads the dated records of a stock table: maintenance plan lines (MJOB), allocations, turnover
 * and own signals.
 */
final class EventRows {

  private final ClusterType complexType;
  private final StockSink sink;

  EventRows(ClusterType complexType, StockSink sink) {
    this.complexType = complexType;
    this.sink = sink;
  }

  private ClusterType clusterType(FieldRow row) {
    String raw = row.cell("cluster_type");
    return raw == null ? complexType : ClusterType.find(raw).orElse(null);
  }

  private static String clusterCode(FieldRow row) {
    String code = row.cell("cluster_code");
    return code != null ? code : row.cell("complex_code");
  }

  private static Optional<Integer> year(FieldRow row) {
    return Optional.ofNullable(row.cell("year"))
        .flatMap(Cells::whole)
        .filter(y -> y >= 1990 && y <= 2100);
  }

  boolean maintenance(FieldRow row) {
    ClusterType type = clusterType(row);
    if (type == null) {
      row.reject("cluster_type", "unknown cluster type '" + row.cell("cluster_type") + "'");
      return false;
    }
    String code = clusterCode(row);
    Optional<Integer> year = year(row);
    Optional<BigDecimal> cost = Optional.ofNullable(row.cell("cost")).flatMap(Cells::euro);
    String activity = row.cell("activity");
    if (code == null) {
      row.reject(
          row.has("cluster_code") ? "cluster_code" : "complex_code", "the cluster is missing");
    }
    if (year.isEmpty()) {
      row.reject("year", "'" + row.cell("year") + "' is not a plan year");
    }
    if (cost.isEmpty()) {
      row.reject("cost", "'" + row.cell("cost") + "' is not an amount in euro");
    }
    if (activity == null) {
      row.reject("activity", "the activity is missing");
    }
    if (row.ok()) {
      sink.maintenance(
          new StockRecords.MaintenanceLine(
              row.line(), type, code, year.get(), activity, cost.get()));
    }
    return row.ok();
  }

  boolean allocation(FieldRow row) {
    String unit = row.cell("unit_code");
    Optional<LocalDate> date = Optional.ofNullable(row.cell("allocated_on")).flatMap(Cells::date);
    if (unit == null) {
      row.reject("unit_code", "the unit is missing");
    }
    if (date.isEmpty()) {
      row.reject(
          "allocated_on",
          "'" + row.cell("allocated_on") + "' is not a date (2025-03-01 or 1-3-2025)");
    }
    Integer size = row.whole("household_size", n -> n > 0 && n < 30, "a household size");
    String income = "unknown";
    if (row.cell("income_class") != null) {
      income = Cells.incomeClass(row.cell("income_class")).orElse(null);
      if (income == null) {
        row.reject(
            "income_class",
            "'"
                + row.cell("income_class")
                + "' is not an income class (passend/laag, midden, hoog, boven de grens)");
      }
    }
    boolean urgent = false;
    if (row.cell("urgent") != null) {
      Optional<Boolean> u = Cells.yesNo(row.cell("urgent"));
      if (u.isEmpty()) {
        row.reject("urgent", "'" + row.cell("urgent") + "' is not ja or nee");
      }
      urgent = u.orElse(false);
    }
    BigDecimal rent = row.amount("rent_euro");
    if (row.ok()) {
      sink.allocation(
          new StockRecords.Allocation(
              row.line(),
              unit,
              date.get(),
              row.cell("household_type"),
              size,
              income,
              urgent,
              rent,
              code(row, "priority"),
              code(row, "target_group")));
    }
    return row.ok();
  }

  /** A short code or reason (VERA detailSoort and the like); over 50 characters is refused. */
  private static String code(FieldRow row, String field) {
    String v = row.cell(field);
    if (v == null || v.isBlank()) {
      return null;
    }
    if (v.strip().length() > 50) {
      row.reject(field, "'" + v.strip().substring(0, 20) + "…' is longer than 50 characters");
      return null;
    }
    return v.strip();
  }

  boolean turnover(FieldRow row) {
    String unit = row.cell("unit_code");
    Optional<LocalDate> out = Optional.ofNullable(row.cell("moved_out_on")).flatMap(Cells::date);
    LocalDate in = null;
    if (unit == null) {
      row.reject("unit_code", "the unit is missing");
    }
    if (out.isEmpty()) {
      row.reject("moved_out_on", "'" + row.cell("moved_out_on") + "' is not a date");
    }
    if (row.cell("moved_in_on") != null) {
      in = Cells.date(row.cell("moved_in_on")).orElse(null);
      if (in == null) {
        row.reject("moved_in_on", "'" + row.cell("moved_in_on") + "' is not a date");
      } else if (out.isPresent() && in.isBefore(out.get())) {
        row.reject("moved_in_on", "the new tenant moved in before the old one moved out");
      }
    }
    if (row.ok()) {
      sink.turnover(
          new StockRecords.Turnover(row.line(), unit, out.get(), in, code(row, "end_reason")));
    }
    return row.ok();
  }

  boolean signal(FieldRow row) {
    ClusterType type = clusterType(row);
    String code = clusterCode(row);
    Optional<Integer> year = year(row);
    Optional<Integer> count = Optional.ofNullable(row.cell("count")).flatMap(Cells::whole);
    String signalType = row.cell("signal_type");
    if (type == null) {
      row.reject("cluster_type", "unknown cluster type '" + row.cell("cluster_type") + "'");
    }
    if (code == null) {
      row.reject("cluster_code", "the cluster is missing");
    }
    if (year.isEmpty()) {
      row.reject("year", "'" + row.cell("year") + "' is not a year");
    }
    if (count.isEmpty() || count.get() < 0) {
      row.reject("count", "'" + row.cell("count") + "' is not a count");
    }
    if (signalType == null) {
      row.reject("signal_type", "the kind of signal is missing");
    }
    if (row.ok()) {
      sink.signal(
          new StockRecords.Signal(row.line(), type, code, year.get(), signalType, count.get()));
    }
    return row.ok();
  }
}
