package nl.veerkracht.stock;

import java.util.List;

/** A complex as the contract shows it. */
public record ComplexView(
    String code, String name, int units, List<String> buurtCodes, Integer buurtYear, String type) {}
