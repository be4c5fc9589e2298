package nl.veerkracht.imports;

import java.util.List;

/** One column of the file with a few sample values and a suggested meaning. */
public record ColumnView(
    int index, String name, List<String> samples, String role, String indicator) {}
